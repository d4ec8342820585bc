import { and, asc, eq, gt, lte, notInArray, sql } from 'drizzle-orm';
import type { PosterGroupBuy, SharePoster } from '@linli/shared/schemas/referrals';
import { shareLandingPage } from '@linli/shared/share-landing';
import type { App } from '../../app';
import { notFound } from '../../plugins/errors';
import { products, skus } from '../catalog/tables';
import { groupCampaigns, groupCampaignSkus, groups } from '../group-buys/tables';
import { users } from '../users/tables';
import { h5LandingUrl, publicUrl, shareCodeUrl } from './share-links';
import { shares } from './tables';

type PosterSubject = Pick<SharePoster, 'title' | 'subtitle' | 'imageUrl' | 'price' | 'listPrice' | 'groupBuy'>;

/** An invitation advertises the shop, not a product; the copy promises nothing for sharing (诱导分享). */
const invitation: PosterSubject = {
  title: '邻里',
  subtitle: '邻里好物，拼着买更划算。扫码一起逛逛',
  imageUrl: null,
  price: null,
  listPrice: null,
  groupBuy: null,
};

const lowestGroupPrice = sql<number>`min(${groupCampaignSkus.groupPrice})::int`;

/**
 * What the canvas draws for one of the sharer's own shares. Another shopper's share is not found,
 * and so is a share of a product since taken off shelf: a poster never advertises what cannot be bought.
 */
export async function sharePoster(app: App, sharerId: string, shareId: string): Promise<SharePoster> {
  const [share] = await app.db
    .select({ kind: shares.kind, targetId: shares.targetId, nickname: users.nickname, avatarUrl: users.avatarUrl })
    .from(shares)
    .innerJoin(users, eq(users.id, shares.sharerId))
    .where(and(eq(shares.id, shareId), eq(shares.sharerId, sharerId)));
  if (!share) throw notFound('分享');
  const base = app.config.publicBaseUrl;
  let subject = invitation;
  if (share.targetId !== null) subject = share.kind === 'group' ? await groupSubject(app, share.targetId) : await productSubject(app, share.targetId);
  return {
    kind: share.kind,
    ...subject,
    sharer: { nickname: share.nickname, avatarUrl: publicUrl(base, share.avatarUrl) },
    codeUrl: shareCodeUrl(base, shareId),
    h5Url: h5LandingUrl(base, shareId),
    scene: shareId,
    page: shareLandingPage,
  };
}

/** A product share shows the campaign ending soonest, as the product page lists campaigns. */
async function productSubject(app: App, productId: string): Promise<PosterSubject> {
  const now = app.clock();
  const [campaign] = await app.db
    .select({ groupPrice: lowestGroupPrice, groupSize: groupCampaigns.groupSize, endsAt: groupCampaigns.endsAt })
    .from(groupCampaigns)
    .innerJoin(groupCampaignSkus, eq(groupCampaignSkus.campaignId, groupCampaigns.id))
    .where(and(eq(groupCampaigns.productId, productId), eq(groupCampaigns.active, true), lte(groupCampaigns.startsAt, now), gt(groupCampaigns.endsAt, now)))
    .groupBy(groupCampaigns.id)
    .orderBy(asc(groupCampaigns.endsAt), asc(groupCampaigns.id))
    .limit(1);
  const groupBuy = campaign ? { groupPrice: campaign.groupPrice, groupSize: campaign.groupSize, missing: null, expiresAt: campaign.endsAt.toISOString() } : null;
  return onShelf(app, productId, groupBuy);
}

/** A group share shows that group: how many seats are still to be paid for and when it closes. */
async function groupSubject(app: App, groupId: string): Promise<PosterSubject> {
  // A group whose leader never paid was never shown to anyone (see group-detail).
  const [group] = await app.db
    .select({ productId: groupCampaigns.productId, groupPrice: lowestGroupPrice, size: groups.size, seatsPaid: groups.seatsPaid, expiresAt: groups.expiresAt })
    .from(groups)
    .innerJoin(groupCampaigns, eq(groupCampaigns.id, groups.campaignId))
    .innerJoin(groupCampaignSkus, eq(groupCampaignSkus.campaignId, groupCampaigns.id))
    .where(and(eq(groups.id, groupId), notInArray(groups.status, ['pending', 'abandoned'])))
    .groupBy(groups.id, groupCampaigns.id);
  if (!group?.expiresAt) throw notFound('拼团');
  const groupBuy = { groupPrice: group.groupPrice, groupSize: group.size, missing: group.size - group.seatsPaid, expiresAt: group.expiresAt.toISOString() };
  return onShelf(app, group.productId, groupBuy);
}

/** The product's cover and cheapest SKU (ties: the lower list price), as its product card shows them. */
async function onShelf(app: App, productId: string, groupBuy: PosterGroupBuy | null): Promise<PosterSubject> {
  const [product] = await app.db
    .select({ title: products.title, subtitle: products.subtitle, images: products.images })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.onShelf, true)));
  const [cheapest] = await app.db
    .select({ price: skus.price, listPrice: skus.listPrice })
    .from(skus)
    .where(eq(skus.productId, productId))
    .orderBy(asc(skus.price), asc(skus.listPrice))
    .limit(1);
  if (!product || !cheapest) throw notFound('商品');
  const cover = product.images[0];
  return {
    title: product.title,
    subtitle: product.subtitle,
    imageUrl: cover === undefined ? null : publicUrl(app.config.publicBaseUrl, cover),
    price: cheapest.price,
    listPrice: cheapest.listPrice,
    groupBuy,
  };
}
