import type { AfterSale, OrderDetail, OrderPage, ShipBody } from '@linli/shared/schemas/order';
import { staffSession } from '../api/console-api';

/** The console's order routes (bff/src/modules/orders/console-routes.ts), typed from @linli/shared/schemas/order. */
export const ordersApi = {
  list: (query: Record<string, string>) => staffSession.request<OrderPage>({ path: '/api/console/orders', query }),
  detail: (id: string) => staffSession.request<OrderDetail>({ path: `/api/console/orders/${encodeURIComponent(id)}` }),
  ship: (id: string, body: ShipBody) => staffSession.request<OrderDetail>({ path: `/api/console/orders/${encodeURIComponent(id)}/ship`, method: 'POST', body }),
  /** The route cannot filter by order, so the drawer takes the open requests and keeps its order's. */
  openAfterSales: () => staffSession.request<{ items: AfterSale[] }>({ path: '/api/console/after-sales', query: { status: 'requested', limit: '100' } }),
  approveAfterSale: (id: string, note: string) =>
    staffSession.request<AfterSale>({ path: `/api/console/after-sales/${encodeURIComponent(id)}/approve`, method: 'POST', body: { note } }),
  rejectAfterSale: (id: string, note: string) =>
    staffSession.request<AfterSale>({ path: `/api/console/after-sales/${encodeURIComponent(id)}/reject`, method: 'POST', body: { note } }),
};
