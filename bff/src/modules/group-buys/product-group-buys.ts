import { and, asc, eq, gt, inArray, lt, lte, sql } from 'drizzle-orm';
import type { JoinableGroup, ProductGroupBuy } from '@linli/shared/schemas/group-buys';
import type { Database } from '../../db/client';
import { products, skus } from '../catalog/tables';
import { users } from '../users/tables';
import { maskNickname } from './mask-nickname';
import { groupCampaigns, groupCampaignSkus, groups } from './tables';

const openGroupsShown = 10;

/**
 * What the product page offers: each running campaign with its group prices, and the groups a shopper
 * can still join (open, not expired, a seat free), those needing the fewest members first.
 */
export async function productGroupBuys(db: Database, productId: string, now: Date): Promise<ProductGroupBuy[]> {
  const campaigns = await db
    .select({ campaign: groupCampaigns })
    .from(groupCampaigns)
    .innerJoin(products, and(eq(products.id, groupCampaigns.productId), eq(products.onShelf, true)))
    .where(and(eq(groupCampaigns.productId, productId), eq(groupCampaigns.active, true), lte(groupCampaigns.startsAt, now), gt(groupCampaigns.endsAt, now)))
    .orderBy(asc(groupCampaigns.endsAt));
  if (campaigns.length === 0) return [];
  const prices = await db
    .select({ campaignId: groupCampaignSkus.campaignId, skuId: groupCampaignSkus.skuId, price: skus.price, groupPrice: groupCampaignSkus.groupPrice, leaderPrice: groupCampaignSkus.leaderPrice })
    .from(groupCampaignSkus)
    .innerJoin(skus, eq(skus.id, groupCampaignSkus.skuId))
    .where(inArray(groupCampaignSkus.campaignId, campaigns.map((c) => c.campaign.id)))
    .orderBy(asc(skus.createdAt), asc(skus.id));
  return Promise.all(
    campaigns.map(async ({ campaign: c }) => ({
      campaignId: c.id,
      title: c.title,
      groupSize: c.groupSize,
      timeLimitMinutes: c.timeLimitMinutes,
      endsAt: c.endsAt.toISOString(),
      perUserLimit: c.perUserLimit,
      newUsersOnly: c.newUsersOnly,
      skus: prices.filter((p) => p.campaignId === c.id).map(({ skuId, price, groupPrice, leaderPrice }) => ({ skuId, price, groupPrice, leaderPrice })),
      openGroups: await joinableGroups(db, c.id, now),
    })),
  );
}

async function joinableGroups(db: Database, campaignId: string, now: Date): Promise<JoinableGroup[]> {
  const missing = sql<number>`(${groups.size} - ${groups.seatsPaid})::int`;
  const rows = await db
    .select({ id: groups.id, size: groups.size, missing, expiresAt: groups.expiresAt, nickname: users.nickname, avatarUrl: users.avatarUrl })
    .from(groups)
    .innerJoin(users, eq(users.id, groups.leaderId))
    .where(and(eq(groups.campaignId, campaignId), eq(groups.status, 'open'), gt(groups.expiresAt, now), lt(groups.seatsTaken, groups.size)))
    .orderBy(asc(missing), asc(groups.expiresAt), asc(groups.id))
    .limit(openGroupsShown);
  return rows.map((r) => ({
    id: r.id,
    size: r.size,
    missing: r.missing,
    expiresAt: r.expiresAt!.toISOString(),
    leader: { nickname: maskNickname(r.nickname), avatarUrl: r.avatarUrl },
  }));
}
