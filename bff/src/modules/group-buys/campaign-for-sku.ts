import { and, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { groupCampaigns, groupCampaignSkus } from './tables';

export interface CampaignSkuOffer {
  campaign: typeof groupCampaigns.$inferSelect;
  groupPrice: number;
  /** null = the leader pays the group price */
  leaderPrice: number | null;
}

/**
 * The campaign and the SKU's group prices when the campaign is switched on and `now` lies in its
 * window [startsAt, endsAt); null otherwise (unknown campaign, SKU not in it, inactive, not started,
 * ended). Order placement prices a group order with this.
 */
export async function activeCampaignSku(db: Executor, query: { campaignId: string; skuId: string; now: Date }): Promise<CampaignSkuOffer | null> {
  const [row] = await db
    .select({ campaign: groupCampaigns, groupPrice: groupCampaignSkus.groupPrice, leaderPrice: groupCampaignSkus.leaderPrice })
    .from(groupCampaigns)
    .innerJoin(groupCampaignSkus, and(eq(groupCampaignSkus.campaignId, groupCampaigns.id), eq(groupCampaignSkus.skuId, query.skuId)))
    .where(and(eq(groupCampaigns.id, query.campaignId), eq(groupCampaigns.active, true), lte(groupCampaigns.startsAt, query.now), gt(groupCampaigns.endsAt, query.now)));
  return row ?? null;
}
