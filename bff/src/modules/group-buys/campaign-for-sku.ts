import { and, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { AppError } from '../../plugins/errors';
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
 * ended).
 */
export async function activeCampaignSku(db: Executor, query: { campaignId: string; skuId: string; now: Date }): Promise<CampaignSkuOffer | null> {
  const [row] = await db
    .select({ campaign: groupCampaigns, groupPrice: groupCampaignSkus.groupPrice, leaderPrice: groupCampaignSkus.leaderPrice })
    .from(groupCampaigns)
    .innerJoin(groupCampaignSkus, and(eq(groupCampaignSkus.campaignId, groupCampaigns.id), eq(groupCampaignSkus.skuId, query.skuId)))
    .where(and(eq(groupCampaigns.id, query.campaignId), eq(groupCampaigns.active, true), lte(groupCampaigns.startsAt, query.now), gt(groupCampaigns.endsAt, query.now)));
  return row ?? null;
}

/**
 * What one unit of a group order costs: the leader's price when opening (if the campaign has one),
 * else the group price. The quote and order placement both price group orders with this, so the
 * payable a shopper is shown is the payable they are charged.
 */
export async function groupOrderOffer(
  db: Executor,
  input: { campaignId: string; groupId?: string; lines: ReadonlyArray<{ skuId: string }>; now: Date },
): Promise<{ campaign: CampaignSkuOffer['campaign']; unitPrice: number }> {
  const [line, ...others] = input.lines;
  if (!line || others.length > 0) throw new AppError(400, 'GROUP_ORDER_ONE_SKU', '拼团订单只能包含一个规格');
  const offer = await activeCampaignSku(db, { campaignId: input.campaignId, skuId: line.skuId, now: input.now });
  if (!offer) throw new AppError(409, 'GROUP_CAMPAIGN_UNAVAILABLE', '拼团活动未开始、已结束或不包含该规格');
  return { campaign: offer.campaign, unitPrice: !input.groupId && offer.leaderPrice ? offer.leaderPrice : offer.groupPrice };
}
