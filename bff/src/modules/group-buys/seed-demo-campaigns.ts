import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { demoProductsInShop } from '../catalog/demo/demo-products-in-shop';
import { insertCampaign } from './campaigns';
import { groupCampaigns } from './tables';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoCampaign {
  slug: string;
  groupSize: 2 | 3;
  /** the group price as a share of the SKU's price, before rounding down to ¥x.x9 */
  priceRatio: number;
  /** the leader pays this much less than the group (团长价), in fen */
  leaderSaving?: number;
}

/**
 * The demo shop's group buys. The first is the first product of the home grid (the catalog seed makes
 * the first demo product the newest), so a 2-人团 is one tap from opening the shop.
 */
export const demoCampaigns: readonly DemoCampaign[] = [
  { slug: 'mango-hainan-guifei', groupSize: 2, priceRatio: 0.85 },
  { slug: 'strawberry-dandong-hongyan', groupSize: 3, priceRatio: 0.75 },
  { slug: 'nuts-daily-mix', groupSize: 2, priceRatio: 0.85 },
  { slug: 'tissue-log-pulp', groupSize: 3, priceRatio: 0.75 },
  { slug: 'thermos-cup-316', groupSize: 2, priceRatio: 0.85 },
  { slug: 'wooden-blocks-100', groupSize: 3, priceRatio: 0.75, leaderSaving: 500 },
];

/** A shop-window price under the SKU's: the ratio rounded down to whole yuan, less one jiao (¥24.90 from ¥29.90 at 85%). */
export function demoGroupPrice(price: number, ratio: number): number {
  const rounded = Math.floor((price * ratio) / 100) * 100 - 10;
  return rounded > 0 && rounded < price ? rounded : price - 1;
}

/**
 * Group-buy campaigns on six demo products, running from now for 30 days with 24-hour groups, written
 * through the console's own rules. Only a demo shop that has never had a campaign gets them; null
 * otherwise. The table lock makes instances booting together on one database seed once.
 */
export async function seedDemoCampaigns(target: { db: Database; clock: () => Date }): Promise<{ campaigns: number } | null> {
  const { db, clock } = target;
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${groupCampaigns} in share row exclusive mode`);
    const [existing] = await tx.select({ id: groupCampaigns.id }).from(groupCampaigns).limit(1);
    if (existing) return null;
    const found = await demoProductsInShop(tx, demoCampaigns.map((c) => c.slug));
    if (!found) return null;

    const now = clock();
    const endsAt = new Date(now.getTime() + 30 * DAY_MS);
    for (const campaign of demoCampaigns) {
      const product = found.get(campaign.slug);
      if (!product) return null;
      const shortTitle = product.title.split(/\s+/)[0] ?? product.title;
      await insertCampaign(
        tx,
        {
          productId: product.productId,
          title: `${campaign.groupSize} 人团 · ${shortTitle}`.slice(0, 40),
          groupSize: campaign.groupSize,
          timeLimitMinutes: 24 * 60,
          startsAt: now.toISOString(),
          endsAt: endsAt.toISOString(),
          perUserLimit: 3,
          newUsersOnly: false,
          skus: product.skus.map((sku) => {
            const groupPrice = demoGroupPrice(sku.price, campaign.priceRatio);
            const leaderPrice = campaign.leaderSaving ? groupPrice - campaign.leaderSaving : undefined;
            return leaderPrice !== undefined && leaderPrice > 0 ? { skuId: sku.skuId, groupPrice, leaderPrice } : { skuId: sku.skuId, groupPrice };
          }),
        },
        now,
      );
    }
    return { campaigns: demoCampaigns.length };
  });
}
