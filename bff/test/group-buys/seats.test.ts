import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { skus } from '../../src/modules/catalog/tables';
import { failExpiredGroups } from '../../src/modules/group-buys/group-expiry';
import { groups } from '../../src/modules/group-buys/tables';
import { expireUnpaidOrders } from '../../src/modules/orders/cancel-order';
import { processDueRefunds } from '../../src/modules/payments/refunds';
import { userCoupons } from '../../src/modules/coupons/tables';
import { createShopper, giveCoupon } from '../fixtures';
import { buildTestApp } from '../helper';
import { createCampaign, pay, placeGroupOrder } from './seat-fixtures';

let app: App;
let now = new Date();
beforeAll(async () => {
  app = await buildTestApp({}, { clock: () => now });
});
afterAll(async () => {
  await app.close();
});

const group = async (id: string) => (await app.db.select().from(groups).where(eq(groups.id, id)))[0]!;
const order = async (headers: Record<string, string>, id: string) => (await app.inject({ method: 'GET', url: `/api/orders/${id}`, headers })).json();
const stock = async (skuId: string) => (await app.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, skuId)))[0]!.stock;

async function openedGroup(options: Parameters<typeof createCampaign>[1] = {}) {
  const campaign = await createCampaign(app, { now, ...options });
  const leader = await createShopper(app, 'leader');
  const placed = (await placeGroupOrder(app, leader.headers, campaign)).json();
  await pay(app, leader.headers, placed.id);
  return { ...campaign, leader, leaderOrder: placed, groupId: placed.groupId as string };
}

describe('opening a group', () => {
  it('prices the leader at the leader price and opens the group when the leader pays', async () => {
    const campaign = await createCampaign(app, { leaderPrice: 1500, timeLimitMinutes: 60, now });
    const leader = await createShopper(app);
    const placed = (await placeGroupOrder(app, leader.headers, campaign)).json();
    expect(placed.lines[0]).toMatchObject({ chargedUnitPrice: 1500, groupDiscount: 1500 });
    expect((await group(placed.groupId)).status).toBe('pending');
    await pay(app, leader.headers, placed.id);
    const opened = await group(placed.groupId);
    expect(opened.status).toBe('open');
    expect(opened.expiresAt!.getTime() - opened.openedAt!.getTime()).toBe(60 * 60_000);
    expect((await order(leader.headers, placed.id)).status).toBe('awaiting_group');
  });

  it('cannot be joined before its leader has paid', async () => {
    const campaign = await createCampaign(app, { now });
    const leader = await createShopper(app);
    const placed = (await placeGroupOrder(app, leader.headers, campaign)).json();
    const friend = await createShopper(app);
    const res = await placeGroupOrder(app, friend.headers, { ...campaign, groupId: placed.groupId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('GROUP_CLOSED');
  });
});

describe('joining a group', () => {
  it('succeeds once the last member pays, and every order moves on to shipping', async () => {
    const g = await openedGroup({ groupSize: 2 });
    const friend = await createShopper(app, 'friend');
    const joined = (await placeGroupOrder(app, friend.headers, { ...g, groupId: g.groupId })).json();
    expect(joined.lines[0].chargedUnitPrice).toBe(1990);
    await pay(app, friend.headers, joined.id);
    expect((await group(g.groupId)).status).toBe('succeeded');
    expect((await order(g.leader.headers, g.leaderOrder.id)).status).toBe('to_ship');
    expect((await order(friend.headers, joined.id)).status).toBe('to_ship');
  });

  it('refuses the leader joining their own group', async () => {
    const g = await openedGroup();
    const res = await placeGroupOrder(app, g.leader.headers, { ...g, groupId: g.groupId });
    expect(res.json().error.code).toBe('GROUP_OWN');
  });

  it('refuses a second seat for the same shopper', async () => {
    const g = await openedGroup({ groupSize: 3, perUserLimit: 5 });
    const friend = await createShopper(app);
    expect((await placeGroupOrder(app, friend.headers, { ...g, groupId: g.groupId })).statusCode).toBe(201);
    const again = await placeGroupOrder(app, friend.headers, { ...g, groupId: g.groupId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('GROUP_ALREADY_JOINED');
    expect((await group(g.groupId)).seatsTaken).toBe(2);
  });

  it('answers GROUP_FULL when every seat is held, and frees the seat when an unpaid order expires', async () => {
    const g = await openedGroup({ groupSize: 2 });
    const first = await createShopper(app);
    const second = await createShopper(app);
    expect((await placeGroupOrder(app, first.headers, { ...g, groupId: g.groupId })).statusCode).toBe(201);
    const full = await placeGroupOrder(app, second.headers, { ...g, groupId: g.groupId });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('GROUP_FULL');
    now = new Date(now.getTime() + 16 * 60_000);
    await expireUnpaidOrders(app);
    expect((await group(g.groupId)).seatsTaken).toBe(1);
    expect((await placeGroupOrder(app, second.headers, { ...g, groupId: g.groupId })).statusCode).toBe(201);
  });

  it('keeps to the per-user limit and to new-users-only', async () => {
    const g = await openedGroup({ groupSize: 3, newUsersOnly: true });
    const veteran = g.leader;
    const other = await openedGroup({ groupSize: 3, newUsersOnly: true });
    const res = await placeGroupOrder(app, veteran.headers, { campaignId: other.campaignId, skuId: other.skuId, groupId: other.groupId });
    expect(res.json().error.code).toBe('GROUP_NEW_USERS_ONLY');
    const again = await placeGroupOrder(app, g.leader.headers, { campaignId: g.campaignId, skuId: g.skuId });
    expect(again.json().error.code).toBe('GROUP_LIMIT_REACHED');
  });
});

describe('a group that runs out of time', () => {
  it('fails, refunds every paid member, cancels unpaid ones and returns stock', async () => {
    const g = await openedGroup({ groupSize: 3, timeLimitMinutes: 30 });
    const paidFriend = await createShopper(app);
    const slowFriend = await createShopper(app);
    const paidOrder = (await placeGroupOrder(app, paidFriend.headers, { ...g, groupId: g.groupId })).json();
    await pay(app, paidFriend.headers, paidOrder.id);
    const slowOrder = (await placeGroupOrder(app, slowFriend.headers, { ...g, groupId: g.groupId })).json();
    expect(await stock(g.skuId)).toBe(97);
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await failExpiredGroups(app)).toBe(1);
    expect((await group(g.groupId)).status).toBe('failed');
    await processDueRefunds(app);
    expect((await order(g.leader.headers, g.leaderOrder.id))).toMatchObject({ status: 'refunded', refundedAmount: g.leaderOrder.payable });
    expect((await order(paidFriend.headers, paidOrder.id)).status).toBe('refunded');
    expect((await order(slowFriend.headers, slowOrder.id)).status).toBe('cancelled');
    expect(await stock(g.skuId)).toBe(100);
    expect(await failExpiredGroups(app)).toBe(0);
  });

  it("gives an unpaid member's coupon back when the group fails", async () => {
    const g = await openedGroup({ groupSize: 3, timeLimitMinutes: 30 });
    const friend = await createShopper(app);
    const coupon = await giveCoupon(app, friend.userId, { threshold: 0, amountOff: 100, stacksWithGroupPrice: true }, { until: new Date(now.getTime() + 7 * 86_400_000) });
    const placed = (await placeGroupOrder(app, friend.headers, { ...g, groupId: g.groupId, userCouponId: coupon })).json();
    expect(placed.couponDiscount).toBe(100);
    now = new Date(now.getTime() + 31 * 60_000);
    await failExpiredGroups(app);
    const [held] = await app.db.select().from(userCoupons).where(eq(userCoupons.id, coupon));
    expect(held).toMatchObject({ status: 'available', orderId: null });
  });

  it('refunds a payment that arrives after its group failed, never keeping it', async () => {
    const g = await openedGroup({ groupSize: 2, timeLimitMinutes: 30 });
    const late = await createShopper(app);
    const lateOrder = (await placeGroupOrder(app, late.headers, { ...g, groupId: g.groupId })).json();
    await app.inject({ method: 'POST', url: `/api/orders/${lateOrder.id}/pay`, headers: late.headers });
    now = new Date(now.getTime() + 10 * 60_000);
    // The shopper pays at the last moment; the group fails before the notify is processed.
    const notice = await import('../../src/modules/payments/connect').then((m) => m.asSandbox(app.payments)!.confirmPayment(lateOrder.orderNo));
    now = new Date(now.getTime() + 25 * 60_000);
    await failExpiredGroups(app);
    const delivered = await app.inject({ method: 'POST', url: '/api/payments/notify', headers: { ...notice.headers, 'content-type': 'application/json' }, payload: notice.body });
    expect(delivered.statusCode).toBe(204);
    await processDueRefunds(app);
    const final = await order(late.headers, lateOrder.id);
    expect(final.status === 'cancelled' || final.status === 'refunded').toBe(true);
    expect(final.refundedAmount).toBe(lateOrder.payable);
  });
});
