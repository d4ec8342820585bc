import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { OrderDetail } from '@linli/shared/schemas/order';
import type { App } from '../../src/app';
import { jobs } from '../../src/jobs/scheduler';
import { eq } from 'drizzle-orm';
import { bindViewerToSharer } from '../../src/modules/referrals/inviter-binding';
import { users } from '../../src/modules/users/tables';
import { address, createShopper, idempotencyKey } from '../fixtures';
import type { MovableClock } from '../payments/shop-under-test';

/**
 * What shoppers, staff and time can do to the shop, as data fast-check can generate and shrink. Each
 * step goes through the HTTP API (or runs the background jobs, for time passing); a business refusal
 * (sold out, group full, not allowed now, balance too low) is a normal outcome, a 5xx never is.
 */
export type Step =
  | { kind: 'claimCoupon'; shopper: number }
  | { kind: 'buy'; shopper: number; quantity: number; withCoupon: boolean }
  | { kind: 'openGroup'; shopper: number; withCoupon: boolean }
  | { kind: 'joinGroup'; shopper: number; group: number }
  | { kind: 'pay'; order: number }
  | { kind: 'cancel'; order: number }
  | { kind: 'refund'; order: number }
  | { kind: 'ship'; order: number }
  | { kind: 'confirmReceipt'; order: number }
  | { kind: 'withdraw'; shopper: number; amount: number }
  | { kind: 'decideWithdrawal'; withdrawal: number; approve: boolean }
  | { kind: 'acceptPayout'; withdrawal: number }
  | { kind: 'wait'; minutes: number };

export const shopperCount = 4;

const recent = fc.nat({ max: 5 });
const shopper = fc.nat({ max: shopperCount - 1 });

// Weighted so that most sequences get somewhere: orders get paid, groups fill, coupons get used.
export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('claimCoupon' as const), shopper }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('buy' as const), shopper, quantity: fc.integer({ min: 1, max: 3 }), withCoupon: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('openGroup' as const), shopper, withCoupon: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('joinGroup' as const), shopper, group: recent }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('pay' as const), order: recent }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: recent }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), order: recent }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ship' as const), order: recent }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('confirmReceipt' as const), order: recent }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), shopper, amount: fc.constantFrom(100, 500, 2000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decideWithdrawal' as const), withdrawal: recent, approve: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('acceptPayout' as const), withdrawal: recent }) },
  // From a few minutes (nothing due) past payment windows (15 min), group limits (30 min) and the
  // auto-confirm and after-sales windows (10 + 7 days).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.constantFrom(1, 20, 45, 11 * 1440, 8 * 1440) }) },
);

/** The k-th most recent: steps aim at what just happened, and shrinking leads to the latest (k = 0). */
function recentOf<T>(list: readonly T[], k: number): T | undefined {
  return list.length === 0 ? undefined : list[list.length - 1 - (k % list.length)];
}

export interface ShopScene {
  shoppers: Array<Awaited<ReturnType<typeof createShopper>>>;
  staff: { headers: { authorization: string } };
  finance: { headers: { authorization: string } };
  skuId: string;
  groupSkuId: string;
  campaignId: string;
  couponTemplateId: string;
}

export interface Played {
  orders: Array<{ id: string; shopper: number }>;
  groups: string[];
  withdrawals: Array<{ id: string; shopper: number }>;
}

/**
 * Shoppers brought in one by another (0 ← 1 ← 2 ← 3), each with a WeChat openid to be paid to: every
 * purchase but shopper 0's earns level 1, most earn level 2 too.
 */
export async function createReferredShoppers(app: App, clock: MovableClock): Promise<ShopScene['shoppers']> {
  const shoppers = await Promise.all(Array.from({ length: shopperCount }, (_, i) => createShopper(app, `买家${i}`)));
  for (const [i, shopper] of shoppers.entries()) {
    // Signed up now by the shop's clock, which earlier runs moved on: still new enough to be brought in.
    await app.db.update(users).set({ openid: `openid-${shopper.userId}`, createdAt: clock.now() }).where(eq(users.id, shopper.userId));
    const inviter = shoppers[i - 1];
    if (inviter && !(await bindViewerToSharer(app, shopper.userId, inviter.userId))) throw new Error(`shopper ${i} not bound`);
  }
  return shoppers;
}

function refusedOrDone(res: LightMyRequestResponse, step: Step): LightMyRequestResponse {
  if (res.statusCode >= 500) throw new Error(`${JSON.stringify(step)} → ${res.statusCode} ${res.body}`);
  return res;
}

async function availableCoupon(app: App, scene: ShopScene, shopper: number): Promise<string | undefined> {
  const res = await app.inject({ url: '/api/coupons/mine?status=available', headers: scene.shoppers[shopper]!.headers });
  return res.json<{ items: Array<{ id: string }> }>().items[0]?.id;
}

export async function play(app: App, clock: MovableClock, scene: ShopScene, played: Played, step: Step): Promise<void> {
  const order = 'order' in step ? recentOf(played.orders, step.order) : undefined;
  const ownerHeaders = order ? scene.shoppers[order.shopper]!.headers : undefined;
  const withdrawal = 'withdrawal' in step ? recentOf(played.withdrawals, step.withdrawal) : undefined;
  switch (step.kind) {
    case 'claimCoupon': {
      refusedOrDone(await app.inject({ method: 'POST', url: `/api/coupons/centre/${scene.couponTemplateId}/claim`, headers: scene.shoppers[step.shopper]!.headers }), step);
      return;
    }
    case 'buy':
    case 'openGroup':
    case 'joinGroup': {
      const buyer = scene.shoppers[step.shopper]!;
      const userCouponId = step.kind !== 'joinGroup' && step.withCoupon ? await availableCoupon(app, scene, step.shopper) : undefined;
      const groupId = step.kind === 'joinGroup' ? recentOf(played.groups, step.group) : undefined;
      if (step.kind === 'joinGroup' && !groupId) return;
      const payload =
        step.kind === 'buy'
          ? { lines: [{ skuId: scene.skuId, quantity: step.quantity }], address, ...(userCouponId ? { userCouponId } : {}) }
          : { lines: [{ skuId: scene.groupSkuId, quantity: 1 }], address, ...(userCouponId ? { userCouponId } : {}), groupBuy: { campaignId: scene.campaignId, ...(groupId ? { groupId } : {}) } };
      const res = refusedOrDone(await app.inject({ method: 'POST', url: '/api/orders', headers: { ...buyer.headers, 'idempotency-key': idempotencyKey() }, payload }), step);
      if (res.statusCode !== 201) return;
      const placed = res.json<OrderDetail>();
      played.orders.push({ id: placed.id, shopper: step.shopper });
      if (step.kind === 'openGroup' && placed.groupId) played.groups.push(placed.groupId);
      return;
    }
    case 'pay': {
      if (!order || !ownerHeaders) return;
      const prepaid = refusedOrDone(await app.inject({ method: 'POST', url: `/api/orders/${order.id}/pay`, headers: ownerHeaders }), step);
      if (prepaid.statusCode !== 200) return;
      refusedOrDone(await app.inject({ method: 'POST', url: `/api/payments/sandbox/orders/${order.id}/confirm`, headers: ownerHeaders }), step);
      return;
    }
    case 'cancel': {
      if (!order || !ownerHeaders) return;
      refusedOrDone(await app.inject({ method: 'POST', url: `/api/orders/${order.id}/cancel`, headers: ownerHeaders }), step);
      return;
    }
    case 'refund': {
      if (!order || !ownerHeaders) return;
      const asked = refusedOrDone(await app.inject({ method: 'POST', url: `/api/orders/${order.id}/after-sales`, headers: ownerHeaders, payload: { reason: '不想要了' } }), step);
      if (asked.statusCode !== 201) return;
      const afterSaleId = asked.json<{ id: string }>().id;
      refusedOrDone(await app.inject({ method: 'POST', url: `/api/console/after-sales/${afterSaleId}/approve`, headers: scene.staff.headers, payload: {} }), step);
      return;
    }
    case 'ship': {
      if (!order) return;
      refusedOrDone(
        await app.inject({ method: 'POST', url: `/api/console/orders/${order.id}/ship`, headers: scene.staff.headers, payload: { carrier: '顺丰速运', trackingNo: `SF${order.id.slice(0, 8)}` } }),
        step,
      );
      return;
    }
    case 'confirmReceipt': {
      if (!order || !ownerHeaders) return;
      refusedOrDone(await app.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: ownerHeaders }), step);
      return;
    }
    case 'withdraw': {
      const res = refusedOrDone(await app.inject({ method: 'POST', url: '/api/withdrawals', headers: scene.shoppers[step.shopper]!.headers, payload: { amount: step.amount } }), step);
      if (res.statusCode === 201) played.withdrawals.push({ id: res.json<{ id: string }>().id, shopper: step.shopper });
      return;
    }
    case 'decideWithdrawal': {
      if (!withdrawal) return;
      const decision = step.approve ? 'approve' : 'reject';
      refusedOrDone(await app.inject({ method: 'POST', url: `/api/console/withdrawals/${withdrawal.id}/${decision}`, headers: scene.finance.headers, payload: { note: '核对' } }), step);
      return;
    }
    case 'acceptPayout': {
      if (!withdrawal) return;
      const headers = scene.shoppers[withdrawal.shopper]!.headers;
      refusedOrDone(await app.inject({ method: 'POST', url: `/api/payments/sandbox/withdrawals/${withdrawal.id}/confirm`, headers }), step);
      return;
    }
    case 'wait': {
      clock.advance(step.minutes * 60_000);
      await runAllJobs(app);
      return;
    }
  }
}

/** Every background job once, in the scheduler's order, as one instance's tick would. */
export async function runAllJobs(app: App): Promise<void> {
  for (const job of Object.values(jobs)) await job(app);
}

/** Lets every window pass and every job finish: the shop at rest, where the invariants must hold exactly. */
export async function settle(app: App, clock: MovableClock): Promise<void> {
  for (let i = 0; i < 4; i++) {
    clock.advance(20 * 86_400_000);
    await runAllJobs(app);
  }
}
