import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CreateGroupCampaignBody, GroupCampaign, UpdateGroupCampaignBody } from '@linli/shared/schemas/group-buys';
import type { App } from '../../app';
import type { Database, Executor, Transaction } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { AppError, notFound } from '../../plugins/errors';
import { products, skus } from '../catalog/tables';
import { campaignProblems } from '@linli/shared/group-buys/campaign-rules';
import { countsByStatus, toGroupCampaign } from './campaign-views';
import { groupCampaigns, groupCampaignSkus, groups } from './tables';

/** The campaign and its SKU prices are written together or not at all. */
export async function createCampaign(app: App, body: CreateGroupCampaignBody): Promise<GroupCampaign> {
  return app.db.transaction((tx) => insertCampaign(tx, body, app.clock()));
}

/** `createCampaign` inside the caller's transaction, for callers that write more in the same one (the demo seed). */
export async function insertCampaign(tx: Transaction, body: CreateGroupCampaignBody, now: Date): Promise<GroupCampaign> {
  const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.id, body.productId));
  if (!product) throw notFound('商品');
  const productSkus = await tx.select({ id: skus.id, price: skus.price }).from(skus).where(eq(skus.productId, body.productId));
  const problems = campaignProblems(body, productSkus, now);
  if (problems.length > 0) throw new AppError(400, 'INVALID_GROUP_CAMPAIGN', '拼团活动设置不合法', problems);
  const [campaign] = await tx
    .insert(groupCampaigns)
    .values({
      productId: body.productId,
      title: body.title,
      groupSize: body.groupSize,
      timeLimitMinutes: body.timeLimitMinutes,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      perUserLimit: body.perUserLimit,
      newUsersOnly: body.newUsersOnly,
    })
    .returning();
  await tx
    .insert(groupCampaignSkus)
    .values(body.skus.map((s) => ({ campaignId: campaign!.id, skuId: s.skuId, groupPrice: s.groupPrice, leaderPrice: s.leaderPrice ?? null })));
  return (await withDetails(tx, [campaign!]))[0]!;
}

/** Title and the on/off switch change freely; the end only moves later, never cutting a window short. */
export async function updateCampaign(app: App, id: string, body: UpdateGroupCampaignBody): Promise<GroupCampaign> {
  return app.db.transaction(async (tx) => {
    const [current] = await tx.select().from(groupCampaigns).where(eq(groupCampaigns.id, id)).for('update');
    if (!current) throw notFound('拼团活动');
    const endsAt = body.endsAt === undefined ? undefined : new Date(body.endsAt);
    if (endsAt && endsAt < current.endsAt) {
      throw new AppError(409, 'CAMPAIGN_END_ONLY_LATER', `活动结束时间只能推迟，当前为 ${current.endsAt.toISOString()}`);
    }
    const [row] = await tx
      .update(groupCampaigns)
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
        ...(endsAt ? { endsAt } : {}),
      })
      .where(eq(groupCampaigns.id, id))
      .returning();
    return (await withDetails(tx, [row!]))[0]!;
  });
}

export async function getCampaign(db: Database, id: string): Promise<GroupCampaign> {
  const [row] = await db.select().from(groupCampaigns).where(eq(groupCampaigns.id, id));
  if (!row) throw notFound('拼团活动');
  return (await withDetails(db, [row]))[0]!;
}

export async function listCampaigns(db: Database, query: { cursor?: string; limit: number }): Promise<{ items: GroupCampaign[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({ campaign: groupCampaigns, createdMicros: createdMicrosOf(groupCampaigns.createdAt) })
    .from(groupCampaigns)
    .where(after ? afterCursor(groupCampaigns.createdAt, groupCampaigns.id, after) : undefined)
    .orderBy(desc(groupCampaigns.createdAt), desc(groupCampaigns.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.createdMicros, id: last.campaign.id }));
  return {
    items: await withDetails(db, page.map((r) => r.campaign)),
    nextCursor,
  };
}

/** Products, SKU prices and group counts for a page of campaigns, three queries whatever the page size. */
async function withDetails(db: Executor, campaigns: Array<typeof groupCampaigns.$inferSelect>): Promise<GroupCampaign[]> {
  if (campaigns.length === 0) return [];
  const ids = campaigns.map((c) => c.id);
  const productRows = await db
    .select({ id: products.id, title: products.title, images: products.images })
    .from(products)
    .where(inArray(products.id, [...new Set(campaigns.map((c) => c.productId))]));
  const prices = await db
    .select({
      campaignId: groupCampaignSkus.campaignId,
      skuId: groupCampaignSkus.skuId,
      specs: skus.specs,
      price: skus.price,
      groupPrice: groupCampaignSkus.groupPrice,
      leaderPrice: groupCampaignSkus.leaderPrice,
    })
    .from(groupCampaignSkus)
    .innerJoin(skus, eq(skus.id, groupCampaignSkus.skuId))
    .where(inArray(groupCampaignSkus.campaignId, ids))
    .orderBy(asc(skus.createdAt), asc(skus.id));
  const counts = await db
    .select({ campaignId: groups.campaignId, status: groups.status, n: sql<number>`count(*)::int` })
    .from(groups)
    .where(inArray(groups.campaignId, ids))
    .groupBy(groups.campaignId, groups.status);
  return campaigns.map((c) =>
    toGroupCampaign(
      c,
      productRows.find((p) => p.id === c.productId) ?? { title: '', images: [] },
      prices.filter((p) => p.campaignId === c.id).map(({ campaignId: _, ...sku }) => sku),
      countsByStatus(counts.filter((n) => n.campaignId === c.id)),
    ),
  );
}
