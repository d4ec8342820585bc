import fc from 'fast-check';
import { createTemplate } from '../coupons/coupon-fixtures';
import { createCampaign } from '../group-buys/seat-fixtures';
import { returnWindowDays } from '@linli/shared/orders/state-machine';
import { configureReferrals, paidOrder } from '../commissions/commission-fixtures';
import { shipOrder } from '../payments/shopping-steps';
import { createProduct, createStaffMember } from '../fixtures';
import { openShop, type ShopUnderTest } from '../payments/shop-under-test';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { shopProblems } from './shop-invariants';
import { createReferredShoppers, play, runAllJobs, settle, stepArbitrary, type Played, type ShopScene } from './shop-steps';

/**
 * Random sequences of what shoppers, staff and time do — open, join, pay, cancel, refund, ship,
 * expire, claim, withdraw — and then the shop's promises checked on the database. Every run gets its own
 * products, campaign and shoppers in one shared app, so the invariants also hold across runs.
 * Races are proven on a real server elsewhere; this explores orders of events nobody thought to write.
 */

let shop: ShopUnderTest<SandboxPaymentProvider>;
beforeAll(async () => {
  shop = await openShop();
  await configureReferrals(shop.app, { level2Enabled: true, minimumWithdrawal: 100 });
});
afterAll(async () => {
  await shop.close();
});

async function newScene(): Promise<{ scene: ShopScene; initialStock: Record<string, number> }> {
  const { app, clock } = shop;
  const { skuIds } = await createProduct(shop.app, { price: 30000, stock: 6 });
  const campaign = await createCampaign(app, { groupSize: 2, groupPrice: 1990, timeLimitMinutes: 30, perUserLimit: 2, stock: 4, now: clock.now() });
  const template = await createTemplate(app, { title: '满 10 减 5', threshold: 1000, amountOff: 500, totalStock: 3, perUserLimit: 1, validDays: 30, stacksWithGroupPrice: true });
  const scene = {
    shoppers: await createReferredShoppers(app, clock),
    staff: await createStaffMember(app, 'owner'),
    finance: await createStaffMember(app, 'finance'),
    skuId: skuIds[0]!,
    groupSkuId: campaign.skuId,
    campaignId: campaign.campaignId,
    couponTemplateId: template.id,
  };
  await earnSettledCommissions(scene);
  return { scene, initialStock: { [scene.skuId]: 6, [scene.groupSkuId]: 4 } };
}

/** Shoppers 1 and 2 each bought, received and kept something: their inviters start with money to withdraw. */
async function earnSettledCommissions(scene: ShopScene): Promise<void> {
  const { app, clock } = shop;
  const { skuIds } = await createProduct(app, { price: 20000, stock: 2 });
  for (const buyer of [scene.shoppers[1]!, scene.shoppers[2]!]) {
    const order = await paidOrder(app, buyer, skuIds[0]!);
    await shipOrder(app, order.id);
    const received = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: buyer.headers });
    if (received.statusCode !== 200) throw new Error(`confirm receipt: ${received.body}`);
  }
  clock.advance((returnWindowDays + 1) * 86_400_000);
  await runAllJobs(app);
}

test('keeps stock, coupons, groups, money and the ledger consistent through any sequence of shopping, refunds, withdrawals and time', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stepArbitrary, { minLength: 4, maxLength: 30 }), async (steps) => {
      const { scene, initialStock } = await newScene();
      const played: Played = { orders: [], groups: [], withdrawals: [] };
      for (const step of steps) await play(shop.app, shop.clock, scene, played, step);
      await settle(shop.app, shop.clock);
      expect(await shopProblems(shop.app, initialStock)).toEqual([]);
    }),
    { numRuns: 60, endOnFailure: true },
  );
}, 300_000);
