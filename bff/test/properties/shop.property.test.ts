import fc from 'fast-check';
import { createTemplate } from '../coupons/coupon-fixtures';
import { createCampaign } from '../group-buys/seat-fixtures';
import { createProduct } from '../fixtures';
import { openShop, type ShopUnderTest } from '../payments/shop-under-test';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { shopProblems } from './shop-invariants';
import { createOperator, createShoppers, play, settle, stepArbitrary, type Played, type ShopScene } from './shop-steps';

/**
 * Random sequences of what shoppers, staff and time do — open, join, pay, cancel, refund, ship,
 * expire, claim — and then the shop's promises checked on the database. Every run gets its own
 * products, campaign and shoppers in one shared app, so the invariants also hold across runs.
 * Races are proven on a real server elsewhere; this explores orders of events nobody thought to write.
 */

let shop: ShopUnderTest<SandboxPaymentProvider>;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => {
  await shop.close();
});

async function newScene(): Promise<{ scene: ShopScene; initialStock: Record<string, number> }> {
  const { app, clock } = shop;
  const { skuIds } = await createProduct(shop.app, { price: 3000, stock: 6 });
  const campaign = await createCampaign(app, { groupSize: 2, groupPrice: 1990, timeLimitMinutes: 30, perUserLimit: 2, stock: 4, now: clock.now() });
  const template = await createTemplate(app, { title: '满 10 减 5', threshold: 1000, amountOff: 500, totalStock: 3, perUserLimit: 1, validDays: 30, stacksWithGroupPrice: true });
  const scene = {
    shoppers: await createShoppers(app),
    staff: await createOperator(app),
    skuId: skuIds[0]!,
    groupSkuId: campaign.skuId,
    campaignId: campaign.campaignId,
    couponTemplateId: template.id,
  };
  return { scene, initialStock: { [scene.skuId]: 6, [scene.groupSkuId]: 4 } };
}

test('keeps stock, coupons, groups and money consistent through any sequence of shopping, refunds and time', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stepArbitrary, { minLength: 4, maxLength: 30 }), async (steps) => {
      const { scene, initialStock } = await newScene();
      const played: Played = { orders: [], groups: [] };
      for (const step of steps) await play(shop.app, shop.clock, scene, played, step);
      await settle(shop.app, shop.clock);
      expect(await shopProblems(shop.app, initialStock)).toEqual([]);
    }),
    { numRuns: 60, endOnFailure: true },
  );
}, 300_000);
