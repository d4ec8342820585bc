import type { App } from '../../src/app';
import { address, createProduct, createShopper, giveCoupon, idempotencyKey } from '../fixtures';
import { buildTestApp } from '../helper';
import { createCampaign, pay, placeGroupOrder } from '../group-buys/seat-fixtures';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

type Headers = Record<string, string>;

async function quote(headers: Headers, payload: object) {
  const res = await app.inject({ method: 'POST', url: '/api/quote', headers, payload });
  expect(res.statusCode).toBe(200);
  return res.json<{ payable: number; groupDiscount: number; couponDiscount: number; appliedCoupon: { id: string } | null; couponOptions: Array<{ id: string; applicable: boolean; reason: string | null }> }>();
}

async function placed(res: Awaited<ReturnType<typeof app.inject>>) {
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; groupId: string | null; payable: number; groupDiscount: number; couponDiscount: number }>();
}

describe('the checkout quote', () => {
  it('predicts the payable of an ordinary order with the coupon it suggests', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { price: 3000 });
    const coupon = await giveCoupon(app, shopper.userId, { title: '满50减10', threshold: 5000, amountOff: 1000 });
    const lines = [{ skuId: skuIds[0]!, quantity: 2 }];

    const quoted = await quote(shopper.headers, { lines });
    expect(quoted.appliedCoupon?.id).toBe(coupon);
    const order = await placed(
      await app.inject({ method: 'POST', url: '/api/orders', headers: { ...shopper.headers, 'idempotency-key': idempotencyKey() }, payload: { lines, address, userCouponId: coupon } }),
    );
    expect(order.payable).toBe(quoted.payable);
    expect(order.couponDiscount).toBe(1000);
  });

  it('prices an opening group order at the leader price, as placing it does', async () => {
    const leader = await createShopper(app);
    const { campaignId, skuId } = await createCampaign(app, { groupPrice: 1990, leaderPrice: 1500 });

    const quoted = await quote(leader.headers, { lines: [{ skuId, quantity: 1 }], groupBuy: { campaignId } });
    expect(quoted.groupDiscount).toBe(3000 - 1500);
    const order = await placed(await placeGroupOrder(app, leader.headers, { campaignId, skuId }));
    expect(order.payable).toBe(quoted.payable);
    expect(order.groupDiscount).toBe(quoted.groupDiscount);
  });

  it('prices joining a group at the group price, as placing it does', async () => {
    const leader = await createShopper(app, 'leader');
    const friend = await createShopper(app, 'friend');
    const { campaignId, skuId } = await createCampaign(app, { groupSize: 3, groupPrice: 1990, leaderPrice: 1500 });
    const opened = await placed(await placeGroupOrder(app, leader.headers, { campaignId, skuId }));
    await pay(app, leader.headers, opened.id);
    const groupId = opened.groupId!;

    const quoted = await quote(friend.headers, { lines: [{ skuId, quantity: 1 }], groupBuy: { campaignId, groupId } });
    expect(quoted.groupDiscount).toBe(3000 - 1990);
    const joined = await placed(await placeGroupOrder(app, friend.headers, { campaignId, skuId, groupId }));
    expect(joined.payable).toBe(quoted.payable);
  });

  it('applies to a group order only the coupons that stack with the group price, as placing it does', async () => {
    const leader = await createShopper(app);
    const { campaignId, skuId } = await createCampaign(app, { groupPrice: 1990 });
    const plain = await giveCoupon(app, leader.userId, { title: '无门槛减5', threshold: 0, amountOff: 500 });
    const stacking = await giveCoupon(app, leader.userId, { title: '拼团可用减3', threshold: 0, amountOff: 300, stacksWithGroupPrice: true });

    const quoted = await quote(leader.headers, { lines: [{ skuId, quantity: 1 }], groupBuy: { campaignId } });
    expect(quoted.appliedCoupon?.id).toBe(stacking);
    expect(quoted.couponOptions.find((o) => o.id === plain)).toMatchObject({ applicable: false, reason: '不适用于拼团价商品' });
    const order = await placed(await placeGroupOrder(app, leader.headers, { campaignId, skuId, userCouponId: stacking }));
    expect(order.payable).toBe(quoted.payable);
    expect(order.couponDiscount).toBe(300);
  });

  it('refuses to quote a group order of two SKUs or on a campaign that is not running', async () => {
    const shopper = await createShopper(app);
    const { campaignId, skuId } = await createCampaign(app);
    const { skuIds } = await createProduct(app);
    const twoSkus = await app.inject({
      method: 'POST',
      url: '/api/quote',
      headers: shopper.headers,
      payload: { lines: [{ skuId, quantity: 1 }, { skuId: skuIds[0]!, quantity: 1 }], groupBuy: { campaignId } },
    });
    expect(twoSkus.statusCode).toBe(400);
    expect(twoSkus.json().error.code).toBe('GROUP_ORDER_ONE_SKU');
    const notInCampaign = await app.inject({ method: 'POST', url: '/api/quote', headers: shopper.headers, payload: { lines: [{ skuId: skuIds[0]!, quantity: 1 }], groupBuy: { campaignId } } });
    expect(notInCampaign.statusCode).toBe(409);
    expect(notInCampaign.json().error.code).toBe('GROUP_CAMPAIGN_UNAVAILABLE');
  });
});
