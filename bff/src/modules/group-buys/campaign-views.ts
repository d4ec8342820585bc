import { groupStatuses, type CampaignSku, type GroupCampaign, type GroupCountsByStatus, type GroupStatus } from '@linli/shared/schemas/group-buys';
import type { groupCampaigns } from './tables';

type CampaignRow = typeof groupCampaigns.$inferSelect;

export function countsByStatus(rows: Array<{ status: GroupStatus; n: number }>): GroupCountsByStatus {
  return Object.fromEntries(groupStatuses.map((s) => [s, rows.find((r) => r.status === s)?.n ?? 0])) as GroupCountsByStatus;
}

/** The product as the console's campaign list names it. */
export interface CampaignProduct {
  title: string;
  images: string[];
}

export function toGroupCampaign(c: CampaignRow, product: CampaignProduct, skus: CampaignSku[], groups: GroupCountsByStatus): GroupCampaign {
  return {
    id: c.id,
    productId: c.productId,
    productTitle: product.title,
    productCoverUrl: product.images[0] ?? '',
    title: c.title,
    groupSize: c.groupSize,
    timeLimitMinutes: c.timeLimitMinutes,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    perUserLimit: c.perUserLimit,
    newUsersOnly: c.newUsersOnly,
    active: c.active,
    createdAt: c.createdAt.toISOString(),
    skus,
    groups,
  };
}
