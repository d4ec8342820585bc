import { formatFen } from '@linli/shared/money';
import type { ProductCard } from '@linli/shared/schemas/catalog';
import type { RunningCampaign } from '@linli/shared/schemas/group-buys';

export interface BannerItem {
  key: string;
  productId: string;
  imageUrl: string;
  title: string;
  caption: string;
}

export const BANNER_SIZE = 3;

/**
 * What the home banner features: running group buys first (they are what the shop is pushing), then
 * the newest products to fill the slots, each product at most once and only with a picture to show.
 */
export function bannerItems(campaigns: readonly RunningCampaign[], products: readonly ProductCard[]): BannerItem[] {
  const items: BannerItem[] = [];
  const shown = new Set<string>();
  const add = (item: BannerItem) => {
    if (items.length >= BANNER_SIZE || shown.has(item.productId) || item.imageUrl === '') return;
    shown.add(item.productId);
    items.push(item);
  };
  for (const c of campaigns) {
    add({ key: `c:${c.campaignId}`, productId: c.productId, imageUrl: c.coverUrl, title: c.productTitle, caption: `${c.groupSize}人团 · 拼团价 ${formatFen(c.groupPrice)}` });
  }
  for (const p of products) {
    if (p.soldOut) continue;
    add({ key: `p:${p.id}`, productId: p.id, imageUrl: p.coverUrl, title: p.title, caption: `新品 · ${formatFen(p.price)}` });
  }
  return items;
}
