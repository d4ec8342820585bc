import type { AfterSale, AfterSaleBody, MyAfterSales, OrderDetail, OrderPage, OrderStatus } from '@linli/shared/schemas/order';
import { request } from './client';

export const ORDER_PAGE_SIZE = 10;

const orderPath = (id: string) => `/api/orders/${encodeURIComponent(id)}`;

/** One page of my orders, newest first; without a status, every order. */
export function listOrders(status: OrderStatus | undefined, cursor: string | null): Promise<OrderPage> {
  return request<OrderPage>({ path: '/api/orders', query: { status, cursor, limit: ORDER_PAGE_SIZE }, auth: 'required' });
}

export function getOrder(id: string): Promise<OrderDetail> {
  return request<OrderDetail>({ path: orderPath(id), auth: 'required' });
}

/** Only an unpaid order can be cancelled; stock and coupon go back at once. */
export function cancelOrder(id: string): Promise<OrderDetail> {
  return request<OrderDetail>({ path: `${orderPath(id)}/cancel`, method: 'POST', auth: 'required' });
}

export function confirmReceipt(id: string): Promise<OrderDetail> {
  return request<OrderDetail>({ path: `${orderPath(id)}/confirm-receipt`, method: 'POST', auth: 'required' });
}

export function requestAfterSale(id: string, body: AfterSaleBody): Promise<AfterSale> {
  return request<AfterSale>({ path: `${orderPath(id)}/after-sales`, method: 'POST', body, auth: 'required' });
}

/** The order's after-sale requests, newest first. */
export function listAfterSales(id: string): Promise<MyAfterSales> {
  return request<MyAfterSales>({ path: `${orderPath(id)}/after-sales`, auth: 'required' });
}
