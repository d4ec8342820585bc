import type {
  CreateGroupCampaignBody,
  GroupCampaign,
  GroupCampaignPage,
  GroupStatus,
  MonitoredGroupPage,
  UpdateGroupCampaignBody,
} from '@linli/shared/schemas/group-buys';
import { staffSession } from '../api/console-api';

const campaignPath = (id: string) => `/api/console/group-campaigns/${encodeURIComponent(id)}`;

/** The console's group-buy routes (bff/src/modules/group-buys/console-routes.ts), typed from @linli/shared/schemas/group-buys. */
export const groupBuysApi = {
  list: (cursor: string | null) =>
    staffSession.request<GroupCampaignPage>({ path: '/api/console/group-campaigns', query: cursor === null ? { limit: '20' } : { limit: '20', cursor } }),
  get: (id: string) => staffSession.request<GroupCampaign>({ path: campaignPath(id) }),
  create: (body: CreateGroupCampaignBody) => staffSession.request<GroupCampaign>({ path: '/api/console/group-campaigns', method: 'POST', body }),
  update: (id: string, body: UpdateGroupCampaignBody) => staffSession.request<GroupCampaign>({ path: campaignPath(id), method: 'PATCH', body }),
  /** The newest 50 groups of the campaign, of one status or all. */
  groups: (id: string, status: GroupStatus | null) =>
    staffSession.request<MonitoredGroupPage>({ path: `${campaignPath(id)}/groups`, query: status === null ? { limit: '50' } : { limit: '50', status } }),
};
