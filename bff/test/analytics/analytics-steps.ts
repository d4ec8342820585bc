import { asc, eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { analyticsEvents } from '../../src/modules/analytics/tables';
import { address, idempotencyKey } from '../fixtures';

/**
 * What shoppers do in the analytics tests, through the HTTP API. A step that does not get the answer
 * it needs throws with the status and body, so a broken setup reads as such.
 */

type Headers = Record<string, string>;

async function expectJson<T>(res: { statusCode: number; body: string; json: () => unknown }, status: number, step: string): Promise<T> {
  if (res.statusCode !== status) throw new Error(`${step}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export async function claimCoupon(app: App, headers: Headers, templateId: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: `/api/coupons/centre/${templateId}/claim`, headers });
  return (await expectJson<{ id: string }>(res, 201, 'claim coupon')).id;
}

export async function order(
  app: App,
  headers: Headers,
  input: { skuId: string; quantity?: number; shareId?: string; userCouponId?: string; groupBuy?: { campaignId: string; groupId?: string } },
): Promise<{ id: string; groupId: string | null; payable: number }> {
  const { skuId, quantity = 1, ...rest } = input;
  const res = await app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { ...headers, 'idempotency-key': idempotencyKey() },
    payload: { lines: [{ skuId, quantity }], address, ...rest },
  });
  return expectJson(res, 201, 'place order');
}

export async function payOrder(app: App, headers: Headers, orderId: string): Promise<void> {
  await expectJson(await app.inject({ method: 'POST', url: `/api/orders/${orderId}/pay`, headers }), 200, 'prepay');
  await expectJson(await app.inject({ method: 'POST', url: `/api/payments/sandbox/orders/${orderId}/confirm`, headers }), 200, 'sandbox payment');
}

export async function share(app: App, headers: Headers, body: { kind: 'product' | 'group' | 'invite'; targetId?: string }): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/shares', headers, payload: { channel: 'chat', ...body } });
  return (await expectJson<{ shareId: string }>(res, 201, 'share')).shareId;
}

export async function openShare(app: App, shareId: string, headers: Headers = {}): Promise<void> {
  await expectJson(await app.inject({ method: 'POST', url: `/api/shares/${shareId}/open`, headers }), 200, 'open share');
}

export async function sendEvents(app: App, visitorId: string, events: Array<Record<string, unknown>>, headers: Headers = {}): Promise<void> {
  await expectJson(await app.inject({ method: 'POST', url: '/api/events', headers, payload: { visitorId, events } }), 202, 'send events');
}

/** The BFF's own events, oldest first, in the fields a test compares. */
export async function serverEvents(app: App) {
  const rows = await app.db.select().from(analyticsEvents).where(eq(analyticsEvents.source, 'server')).orderBy(asc(analyticsEvents.id));
  return rows.map((r) => ({ name: r.name, userId: r.userId, orderId: r.orderId, groupId: r.groupId, shareId: r.shareId, productId: r.productId, amount: r.amount, props: r.props }));
}
