import type { AfterSale, OrderDetail } from '@linli/shared/schemas/order';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/app';
import type { SignedNotify } from '../../src/modules/payments/providers/wechatpay/fake-wechatpay-server';
import { address, createStaffMember, idempotencyKey } from '../fixtures';

/**
 * What shoppers, staff and WeChat do in the payment tests, through the HTTP API. A step that does
 * not get the answer it needs throws with the status and body, so a broken setup reads as such.
 */

type Headers = { authorization: string };

function expectStatus(res: LightMyRequestResponse, status: number, step: string): void {
  if (res.statusCode !== status) throw new Error(`${step}: expected ${status}, got ${res.statusCode} ${res.body}`);
}

export async function placeOrder(app: App, shopper: { headers: Headers }, skuId: string, quantity = 1): Promise<OrderDetail> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { ...shopper.headers, 'idempotency-key': idempotencyKey() },
    payload: { lines: [{ skuId, quantity }], address },
  });
  expectStatus(res, 201, 'place order');
  return res.json<OrderDetail>();
}

export async function prepay(app: App, shopper: { headers: Headers }, orderId: string): Promise<void> {
  const res = await app.inject({ method: 'POST', url: `/api/orders/${orderId}/pay`, headers: shopper.headers });
  expectStatus(res, 200, 'prepay');
}

/** The shopper pays in the sandbox and its notify is delivered to the notify route at once. */
export async function payThroughSandbox(app: App, shopper: { headers: Headers }, orderId: string): Promise<OrderDetail> {
  const res = await app.inject({ method: 'POST', url: `/api/payments/sandbox/orders/${orderId}/confirm`, headers: shopper.headers });
  expectStatus(res, 200, 'sandbox payment');
  return res.json<OrderDetail>();
}

/** WeChat Pay posts a notify to POST /api/payments/notify, byte for byte as given. */
export function deliverNotify(app: App, notify: SignedNotify): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/payments/notify', headers: notify.headers, payload: notify.body });
}

export async function requestFullRefund(app: App, shopper: { headers: Headers }, orderId: string): Promise<AfterSale> {
  const res = await app.inject({ method: 'POST', url: `/api/orders/${orderId}/after-sales`, headers: shopper.headers, payload: { reason: '不想要了' } });
  expectStatus(res, 201, 'request after-sale');
  return res.json<AfterSale>();
}

export async function approveAfterSale(app: App, afterSaleId: string): Promise<AfterSale> {
  const service = await createStaffMember(app, 'service');
  const res = await app.inject({ method: 'POST', url: `/api/console/after-sales/${afterSaleId}/approve`, headers: service.headers, payload: {} });
  expectStatus(res, 200, 'approve after-sale');
  return res.json<AfterSale>();
}

export async function shipOrder(app: App, orderId: string): Promise<OrderDetail> {
  const operator = await createStaffMember(app, 'operator');
  const res = await app.inject({
    method: 'POST',
    url: `/api/console/orders/${orderId}/ship`,
    headers: operator.headers,
    payload: { carrier: '顺丰速运', trackingNo: `SF${Date.now()}` },
  });
  expectStatus(res, 200, 'ship');
  return res.json<OrderDetail>();
}
