import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { analyticsEvents } from '../../src/modules/analytics/tables';
import { failExpiredGroups } from '../../src/modules/group-buys/group-expiry';
import { createProduct, createShopper } from '../fixtures';
import { buildTestApp } from '../helper';
import { createTemplate } from '../coupons/coupon-fixtures';
import { createCampaign } from '../group-buys/seat-fixtures';
import { claimCoupon, openShare, order, payOrder, serverEvents, share } from './analytics-steps';

let now = new Date();
let app: App;
beforeAll(async () => {
  app = await buildTestApp({ SHIPPING_FEE_FEN: '0' }, { clock: () => now });
});
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  now = new Date();
  await app.db.delete(analyticsEvents);
});

describe('the BFF records its own events with the change they describe', () => {
  it('records order_created and order_paid for a paid order, with the buyer, amount and share', async () => {
    const sharer = await createShopper(app);
    const buyer = await createShopper(app);
    const { productId, skuIds } = await createProduct(app, { price: 2500 });
    const shareId = await share(app, sharer.headers, { kind: 'product', targetId: productId });
    await app.db.delete(analyticsEvents);

    const placed = await order(app, buyer.headers, { skuId: skuIds[0]!, quantity: 2, shareId });
    await payOrder(app, buyer.headers, placed.id);

    expect(await serverEvents(app)).toEqual([
      { name: 'order_created', userId: buyer.userId, orderId: placed.id, groupId: null, shareId, productId: null, amount: 5000, props: {} },
      { name: 'order_paid', userId: buyer.userId, orderId: placed.id, groupId: null, shareId, productId: null, amount: 5000, props: {} },
    ]);
  });

  it('records no order_paid for an order that was never paid', async () => {
    const buyer = await createShopper(app);
    const { skuIds } = await createProduct(app);
    await order(app, buyer.headers, { skuId: skuIds[0]! });
    expect((await serverEvents(app)).map((e) => e.name)).toEqual(['order_created']);
  });

  it('records group_opened when the leader pays and group_succeeded once when the last member pays', async () => {
    const campaign = await createCampaign(app, { groupSize: 2, now });
    const leader = await createShopper(app);
    const member = await createShopper(app);
    const opened = await order(app, leader.headers, { skuId: campaign.skuId, groupBuy: { campaignId: campaign.campaignId } });
    await payOrder(app, leader.headers, opened.id);
    const joined = await order(app, member.headers, { skuId: campaign.skuId, groupBuy: { campaignId: campaign.campaignId, groupId: opened.groupId! } });
    await payOrder(app, member.headers, joined.id);

    const groupEvents = (await serverEvents(app)).filter((e) => e.name.startsWith('group_'));
    expect(groupEvents).toEqual([
      { name: 'group_opened', userId: leader.userId, orderId: opened.id, groupId: opened.groupId, shareId: null, productId: null, amount: null, props: {} },
      { name: 'group_succeeded', userId: null, orderId: null, groupId: opened.groupId, shareId: null, productId: null, amount: null, props: {} },
    ]);
  });

  it('records group_failed when a group runs out of time', async () => {
    const campaign = await createCampaign(app, { groupSize: 2, timeLimitMinutes: 30, now });
    const leader = await createShopper(app);
    const opened = await order(app, leader.headers, { skuId: campaign.skuId, groupBuy: { campaignId: campaign.campaignId } });
    await payOrder(app, leader.headers, opened.id);
    now = new Date(now.getTime() + 31 * 60_000);
    await failExpiredGroups(app);
    expect((await serverEvents(app)).filter((e) => e.name.startsWith('group_')).map((e) => [e.name, e.groupId])).toEqual([['group_opened', opened.groupId], ['group_failed', opened.groupId]]);
  });

  it('records coupon_claimed when a coupon is claimed and coupon_used when the order it is on is paid', async () => {
    const template = await createTemplate(app, { threshold: 1000, amountOff: 300 });
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { price: 2000 });
    const couponId = await claimCoupon(app, shopper.headers, template.id);
    const placed = await order(app, shopper.headers, { skuId: skuIds[0]!, userCouponId: couponId });
    expect((await serverEvents(app)).map((e) => e.name)).toEqual(['coupon_claimed', 'order_created']);
    await payOrder(app, shopper.headers, placed.id);

    const couponEvents = (await serverEvents(app)).filter((e) => e.name.startsWith('coupon_'));
    expect(couponEvents).toEqual([
      { name: 'coupon_claimed', userId: shopper.userId, orderId: null, groupId: null, shareId: null, productId: null, amount: null, props: { templateId: template.id, userCouponId: couponId, source: 'claim' } },
      { name: 'coupon_used', userId: shopper.userId, orderId: placed.id, groupId: null, shareId: null, productId: null, amount: null, props: { templateId: template.id, userCouponId: couponId } },
    ]);
  });

  it('records share_created and share_opened, by a shopper and by an anonymous visitor', async () => {
    const sharer = await createShopper(app);
    const viewer = await createShopper(app);
    const { productId } = await createProduct(app);
    const shareId = await share(app, sharer.headers, { kind: 'product', targetId: productId });
    await openShare(app, shareId, viewer.headers);
    await openShare(app, shareId);

    expect(await serverEvents(app)).toEqual([
      { name: 'share_created', userId: sharer.userId, orderId: null, groupId: null, shareId, productId, amount: null, props: { kind: 'product', channel: 'chat' } },
      { name: 'share_opened', userId: viewer.userId, orderId: null, groupId: null, shareId, productId, amount: null, props: {} },
      { name: 'share_opened', userId: null, orderId: null, groupId: null, shareId, productId, amount: null, props: {} },
    ]);
  });

  it('stamps domain events with the shop clock', async () => {
    now = new Date('2025-03-01T04:00:00.000Z');
    const sharer = await createShopper(app);
    await share(app, sharer.headers, { kind: 'invite' });
    const [row] = await app.db.select().from(analyticsEvents).where(eq(analyticsEvents.userId, sharer.userId));
    expect(row!.occurredAt.toISOString()).toBe('2025-03-01T04:00:00.000Z');
  });
});
