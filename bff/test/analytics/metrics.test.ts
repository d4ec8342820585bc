import type { DayMetrics, MetricFigures, Metrics } from '@linli/shared/schemas/analytics';
import type { App } from '../../src/app';
import { failExpiredGroups } from '../../src/modules/group-buys/group-expiry';
import { createSandboxProvider, type SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { createProduct, createShopper, createStaffMember } from '../fixtures';
import { buildTestApp } from '../helper';
import { adminUrl, freshDatabase } from '../pg-database';
import { createTemplate } from '../coupons/coupon-fixtures';
import { createCampaign } from '../group-buys/seat-fixtures';
import { approveAfterSale, requestFullRefund } from '../payments/shopping-steps';
import { claimCoupon, openShare, order, payOrder, sendEvents, share } from './analytics-steps';

/**
 * A small shop history over three Shanghai days (1–3 March 2025, UTC+8) and one order before them,
 * built through the API with the shop clock set to each moment. Every expected figure is worked out
 * by hand in the comments; the formulas are in docs/metrics.md.
 *
 *   day 1 = 2025-02-28T16:00Z … 2025-03-01T16:00Z    day 2 = … 2025-03-02T16:00Z    day 3 = … 2025-03-03T16:00Z
 */
let now = new Date();
let app: App;
let payments: SandboxPaymentProvider;
let database: Awaited<ReturnType<typeof freshDatabase>> | null = null;
let metrics: Metrics;
const at = (iso: string) => {
  now = new Date(iso);
};

beforeAll(async () => {
  // The same arithmetic on a real PostgreSQL server when one is configured (drivers differ in how they return counts).
  database = adminUrl ? await freshDatabase() : null;
  payments = await createSandboxProvider({ now: () => now });
  app = await buildTestApp({ SHIPPING_FEE_FEN: '0', ...(database ? { DATABASE_URL: database.url } : {}) }, { clock: () => now, payments });

  at('2025-02-28T09:00:00Z');
  const alice = await createShopper(app, '阿丽');
  const bob = await createShopper(app, '小波');
  const carol = await createShopper(app, '凯罗');
  const dong = await createShopper(app, '大东');
  const eve = await createShopper(app, '伊芙');
  const orange = await createProduct(app, { title: '脐橙', price: 5000 });
  const apple = await createProduct(app, { title: '苹果', price: 3000 });
  const coupon = await createTemplate(app, { threshold: 5000, amountOff: 1000 });

  // Before the range (Shanghai 28 Feb 18:00): Alice's first order, 3000. Not counted; makes her a returning buyer.
  at('2025-02-28T10:00:00Z');
  const o0 = await order(app, alice.headers, { skuId: apple.skuIds[0]! });
  await payOrder(app, alice.headers, o0.id);

  // ---- day 1 ----
  at('2025-03-01T00:00:00Z');
  const campaign = await createCampaign(app, { groupSize: 2, groupPrice: 1990, timeLimitMinutes: 60, now });
  at('2025-03-01T02:00:00Z');
  await sendEvents(
    app,
    'visitor-alice',
    [
      { name: 'page_view', occurredAt: '2025-03-01T01:59:00Z', page: 'pages/index/index' },
      { name: 'product_view', occurredAt: '2025-03-01T01:59:30Z', productId: orange.productId },
    ],
    alice.headers,
  );
  await sendEvents(app, 'visitor-xavier', [{ name: 'page_view', occurredAt: '2025-03-01T01:58:00Z', page: 'pages/index/index' }]);
  await sendEvents(app, 'visitor-yan', [{ name: 'product_view', occurredAt: '2025-03-01T01:57:00Z', productId: orange.productId }]);
  at('2025-03-01T03:00:00Z');
  const s1 = await share(app, alice.headers, { kind: 'product', targetId: orange.productId });
  // the mini-program's own 'share' report is not a second share
  await sendEvents(app, 'visitor-alice', [{ name: 'share', occurredAt: '2025-03-01T03:00:00Z', shareId: s1 }], alice.headers);
  at('2025-03-01T03:10:00Z');
  await openShare(app, s1, bob.headers); // Bob is new: bound to Alice
  at('2025-03-01T03:20:00Z');
  await openShare(app, s1);
  at('2025-03-01T04:00:00Z');
  const o1 = await order(app, bob.headers, { skuId: orange.skuIds[0]!, quantity: 2, shareId: s1 }); // 10000
  at('2025-03-01T04:05:00Z');
  await payOrder(app, bob.headers, o1.id);
  at('2025-03-01T15:30:00Z'); // Shanghai 1 March 23:30: still day 1
  const o2 = await order(app, carol.headers, { skuId: apple.skuIds[0]! }); // 3000
  await payOrder(app, carol.headers, o2.id);

  // ---- day 2 ----
  at('2025-03-01T23:00:00Z'); // Shanghai 2 March 07:00
  const alicesCoupon = await claimCoupon(app, alice.headers, coupon.id);
  at('2025-03-01T23:20:00Z');
  const o3 = await order(app, alice.headers, { skuId: orange.skuIds[0]!, userCouponId: alicesCoupon }); // 5000 − 1000 = 4000
  at('2025-03-01T23:30:00Z'); // an order paid at 23:30 UTC belongs to the next Shanghai day
  await payOrder(app, alice.headers, o3.id);
  at('2025-03-02T01:00:00Z');
  await claimCoupon(app, carol.headers, coupon.id);
  at('2025-03-02T01:30:00Z');
  await sendEvents(app, 'visitor-alice', [{ name: 'page_view', occurredAt: '2025-03-02T01:30:00Z', page: 'pages/index/index' }], alice.headers);
  await sendEvents(
    app,
    'visitor-carol',
    [
      { name: 'page_view', occurredAt: '2025-03-02T01:30:00Z', page: 'pages/index/index' },
      { name: 'product_view', occurredAt: '2025-03-02T01:31:00Z', productId: apple.productId },
    ],
    carol.headers,
  );
  at('2025-03-02T02:00:00Z');
  const o4 = await order(app, carol.headers, { skuId: campaign.skuId, groupBuy: { campaignId: campaign.campaignId } }); // 1990
  at('2025-03-02T02:05:00Z');
  await payOrder(app, carol.headers, o4.id); // Carol's group opens, for 60 minutes
  at('2025-03-02T03:10:00Z');
  await failExpiredGroups(app); // nobody joined: the group fails and o4's 1990 is refunded

  // ---- day 3 ----
  at('2025-03-02T16:30:00Z');
  await sendEvents(app, 'visitor-dong', [{ name: 'page_view', occurredAt: '2025-03-02T16:30:00Z', page: 'pages/index/index' }], dong.headers);
  await sendEvents(app, 'visitor-xavier', [{ name: 'page_view', occurredAt: '2025-03-02T16:31:00Z', page: 'pages/index/index' }]);
  at('2025-03-02T17:00:00Z');
  const o5 = await order(app, dong.headers, { skuId: campaign.skuId, groupBuy: { campaignId: campaign.campaignId } }); // 1990
  at('2025-03-02T17:05:00Z');
  await payOrder(app, dong.headers, o5.id);
  at('2025-03-02T17:06:00Z');
  const s2 = await share(app, dong.headers, { kind: 'group', targetId: o5.groupId! });
  at('2025-03-02T17:08:00Z');
  await openShare(app, s2, bob.headers); // Bob is already bound to Alice
  at('2025-03-02T17:10:00Z');
  const o6 = await order(app, bob.headers, { skuId: campaign.skuId, shareId: s2, groupBuy: { campaignId: campaign.campaignId, groupId: o5.groupId! } }); // 1990
  at('2025-03-02T17:15:00Z');
  await payOrder(app, bob.headers, o6.id); // Dong's group succeeds
  at('2025-03-02T18:00:00Z');
  await order(app, eve.headers, { skuId: orange.skuIds[0]! }); // never paid: counted nowhere
  at('2025-03-03T02:00:00Z');
  await approveAfterSale(app, (await requestFullRefund(app, bob, o1.id)).id); // o1's 10000 refunded (it stays in day 1's GMV)

  const finance = await createStaffMember(app, 'finance');
  const res = await app.inject({ method: 'GET', url: '/api/console/metrics?from=2025-03-01&to=2025-03-03', headers: finance.headers });
  if (res.statusCode !== 200) throw new Error(`metrics: ${res.statusCode} ${res.body}`);
  metrics = res.json<Metrics>();
  Object.assign(ids, { alice: alice.userId, dong: dong.userId, orange: orange.productId, apple: apple.productId, groupProduct: campaign.productId });
});
afterAll(async () => {
  await app.close();
  await payments.close();
  await database?.drop();
});

const ids = { alice: '', dong: '', orange: '', apple: '', groupProduct: '' };

describe('GET /api/console/metrics on a hand-computed shop history', () => {
  it('answers one row per Shanghai day of the range', () => {
    expect(metrics.days.map((d) => d.date)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03']);
  });

  it('computes day 1 (1 March)', () => {
    const expected: DayMetrics = {
      date: '2025-03-01',
      gmv: 13_000, // o1 10000 + o2 3000 (o2 paid 15:30 UTC = 23:30 Shanghai)
      refunded: 10_000, // o1, refunded on day 3
      orders: 2,
      payingUsers: 2, // Bob, Carol
      averageOrderValue: 6_500, // 13000 / 2
      visitors: 3, // visitor-alice, visitor-xavier, visitor-yan
      visitToPayConversion: 0.6667, // 2 / 3
      sharers: 1, // Alice
      shareRate: 0.3333, // 1 / 3
      shares: 1, // s1 (the mini-program's 'share' report is not counted again)
      shareOpens: 2, // Bob, anonymous
      shareOrders: 1, // o1 through Alice's s1
      newInvitees: 1, // Bob bound to Alice
      kFactor: 1, // 1 invitee / 1 sharer
      groupsOpened: 0,
      groupsSucceeded: 0,
      groupsFailed: 0,
      groupSuccessRate: null, // 0 / 0
      couponsClaimed: 0,
      couponsUsed: 0,
      couponRedemptionRate: null, // 0 / 0
      couponCost: 0,
      returningBuyers: 0, // Bob and Carol had paid nothing before
      repurchaseRate: 0, // 0 / 2
    };
    expect(metrics.days[0]).toEqual(expected);
  });

  it('computes day 2 (2 March), where an order paid at 23:30 UTC on 1 March belongs', () => {
    const expected: DayMetrics = {
      date: '2025-03-02',
      gmv: 5_990, // o3 4000 (5000 − 1000 coupon) + o4 1990 (the failed group's order, refunded)
      refunded: 1_990, // o4
      orders: 2,
      payingUsers: 2, // Alice, Carol
      averageOrderValue: 2_995, // 5990 / 2
      visitors: 2, // visitor-alice, visitor-carol
      visitToPayConversion: 1, // 2 / 2
      sharers: 0,
      shareRate: 0, // 0 / 2
      shares: 0,
      shareOpens: 0,
      shareOrders: 0,
      newInvitees: 0,
      kFactor: null, // 0 / 0 sharers
      groupsOpened: 1, // Carol's
      groupsSucceeded: 0,
      groupsFailed: 1, // Carol's, at 03:10 UTC
      groupSuccessRate: 0, // 0 / (0 + 1)
      couponsClaimed: 2, // Alice, Carol
      couponsUsed: 1, // Alice's, on o3
      couponRedemptionRate: 0.5, // 1 / 2
      couponCost: 1_000, // Alice's 满50减10 on o3
      returningBuyers: 2, // Alice (o0 before the range), Carol (o2 on day 1)
      repurchaseRate: 1, // 2 / 2
    };
    expect(metrics.days[1]).toEqual(expected);
  });

  it('computes day 3 (3 March)', () => {
    const expected: DayMetrics = {
      date: '2025-03-03',
      gmv: 3_980, // o5 1990 + o6 1990; Eve's unpaid order is not GMV
      refunded: 0,
      orders: 2,
      payingUsers: 2, // Dong, Bob
      averageOrderValue: 1_990, // 3980 / 2
      visitors: 2, // visitor-dong, visitor-xavier
      visitToPayConversion: 1, // 2 / 2
      sharers: 1, // Dong
      shareRate: 0.5, // 1 / 2
      shares: 1, // s2
      shareOpens: 1, // Bob
      shareOrders: 1, // o6 through Dong's s2
      newInvitees: 0, // Bob was already bound
      kFactor: 0, // 0 / 1
      groupsOpened: 1, // Dong's
      groupsSucceeded: 1, // Dong's, when Bob paid
      groupsFailed: 0,
      groupSuccessRate: 1, // 1 / (1 + 0)
      couponsClaimed: 0,
      couponsUsed: 0,
      couponRedemptionRate: null,
      couponCost: 0,
      returningBuyers: 1, // Bob (o1 on day 1); Dong is new
      repurchaseRate: 0.5, // 1 / 2
    };
    expect(metrics.days[2]).toEqual(expected);
  });

  it('computes the totals over the range, counting people once across days', () => {
    const expected: MetricFigures = {
      gmv: 22_970, // 13000 + 5990 + 3980
      refunded: 11_990, // 10000 + 1990
      orders: 6,
      payingUsers: 4, // Bob, Carol, Alice, Dong (Bob and Carol paid on two days each)
      averageOrderValue: 3_828, // 22970 / 6 = 3828.33
      visitors: 5, // alice, xavier (days 1 and 3), yan, carol, dong
      visitToPayConversion: 0.8, // 4 / 5
      sharers: 2, // Alice, Dong
      shareRate: 0.4, // 2 / 5
      shares: 2,
      shareOpens: 3,
      shareOrders: 2, // o1, o6
      newInvitees: 1,
      kFactor: 0.5, // 1 / 2
      groupsOpened: 2,
      groupsSucceeded: 1,
      groupsFailed: 1,
      groupSuccessRate: 0.5, // 1 / (1 + 1)
      couponsClaimed: 2,
      couponsUsed: 1,
      couponRedemptionRate: 0.5,
      couponCost: 1_000, // o3's coupon: the only one used
      returningBuyers: 3, // Alice (o3 after o0), Carol (o4 after o2), Bob (o6 after o1); not Dong
      repurchaseRate: 0.75, // 3 / 4
    };
    expect(metrics.totals).toEqual(expected);
  });

  it('ranks products by the paid value of their lines in the range', () => {
    expect(metrics.topProducts).toEqual([
      { productId: ids.orange, title: '脐橙', gmv: 14_000, quantity: 3, orders: 2, views: 2 }, // o1 2×5000 + o3 4000; viewed by alice and yan on day 1
      { productId: ids.groupProduct, title: '测试商品', gmv: 5_970, quantity: 3, orders: 3, views: 0 }, // o4, o5, o6 at 1990
      { productId: ids.apple, title: '苹果', gmv: 3_000, quantity: 1, orders: 1, views: 1 }, // o2 (o0 is before the range)
    ]);
  });

  it('ranks promoters by the paid GMV of orders others placed through their shares, with masked names', () => {
    expect(metrics.topPromoters).toEqual([
      { userId: ids.alice, nickname: '阿*', gmv: 10_000, orders: 1, shares: 1, shareOpens: 2 }, // o1 through s1
      { userId: ids.dong, nickname: '大*', gmv: 1_990, orders: 1, shares: 1, shareOpens: 1 }, // o6 through s2
    ]);
  });

  it('gives a single day the same figures as that day within a longer range', async () => {
    const owner = await createStaffMember(app, 'owner');
    const res = await app.inject({ method: 'GET', url: '/api/console/metrics?from=2025-03-02&to=2025-03-02', headers: owner.headers });
    const single = res.json<Metrics>();
    expect(single.days).toEqual([metrics.days[1]]);
    const { date: _date, ...figures } = metrics.days[1]!;
    expect(single.totals).toEqual(figures);
  });
});
