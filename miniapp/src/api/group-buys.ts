import type { GroupDetail } from '@linli/shared/schemas/group-buys';
import { request } from './client';

export function getGroup(id: string): Promise<GroupDetail> {
  return request<GroupDetail>({ path: `/api/group-buys/groups/${encodeURIComponent(id)}` });
}
