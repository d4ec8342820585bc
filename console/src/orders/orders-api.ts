import type { AfterSale, ConsoleOrderPage, OrderDetail, ShipBatchAnswer, ShipBatchBody, ShipBody } from '@linli/shared/schemas/order';
import { staffSession } from '../api/console-api';

/** The console's order routes (bff/src/modules/orders/console-routes.ts), typed from @linli/shared/schemas/order. */
export const ordersApi = {
  list: (query: Record<string, string>) => staffSession.request<ConsoleOrderPage>({ path: '/api/console/orders', query }),
  detail: (id: string) => staffSession.request<OrderDetail>({ path: `/api/console/orders/${encodeURIComponent(id)}` }),
  ship: (id: string, body: ShipBody) => staffSession.request<OrderDetail>({ path: `/api/console/orders/${encodeURIComponent(id)}/ship`, method: 'POST', body }),
  shipBatch: (body: ShipBatchBody) => staffSession.request<ShipBatchAnswer>({ path: '/api/console/orders/ship-batch', method: 'POST', body }),
  /** The list's filters without paging: the CSV with its headers (name, how many orders, whether capped). */
  exportCsv: (query: Record<string, string>) => staffSession.download({ path: '/api/console/orders/export', query }),
  /** The route cannot filter by order, so the drawer takes the open requests and keeps its order's. */
  openAfterSales: () => staffSession.request<{ items: AfterSale[] }>({ path: '/api/console/after-sales', query: { status: 'requested', limit: '100' } }),
  approveAfterSale: (id: string, note: string) =>
    staffSession.request<AfterSale>({ path: `/api/console/after-sales/${encodeURIComponent(id)}/approve`, method: 'POST', body: { note } }),
  rejectAfterSale: (id: string, note: string) =>
    staffSession.request<AfterSale>({ path: `/api/console/after-sales/${encodeURIComponent(id)}/reject`, method: 'POST', body: { note } }),
};
