import type { CreateOrderBody, OrderDetail, PayResponse, Quote, QuoteBody } from '@linli/shared/schemas/order';
import { request } from './client';

const orderPath = (id: string) => `/api/orders/${encodeURIComponent(id)}`;

/** The payable and its breakdown; without userCouponId the BFF applies my best coupon. */
export function getQuote(body: QuoteBody): Promise<Quote> {
  return request<Quote>({ path: '/api/quote', method: 'POST', body, auth: 'required' });
}

/** Same key + same body → the same order, so a retry after a lost answer cannot order twice. */
export function createOrder(body: CreateOrderBody, idempotencyKey: string): Promise<OrderDetail> {
  return request<OrderDetail>({ path: '/api/orders', method: 'POST', body, auth: 'required', headers: { 'Idempotency-Key': idempotencyKey } });
}

export function getOrder(id: string): Promise<OrderDetail> {
  return request<OrderDetail>({ path: orderPath(id), auth: 'required' });
}

export function startPayment(orderId: string): Promise<PayResponse> {
  return request<PayResponse>({ path: `${orderPath(orderId)}/pay`, method: 'POST', auth: 'required' });
}

/** Sandbox only: the BFF plays the payment provider and delivers a signed payment notify. */
export function confirmSandboxPayment(orderId: string): Promise<OrderDetail> {
  return request<OrderDetail>({ path: `/api/payments/sandbox/orders/${encodeURIComponent(orderId)}/confirm`, method: 'POST', auth: 'required' });
}
