import { orderStatuses, type OrderStatus } from '@linli/shared/schemas/order';

/**
 * What the list can be narrowed by: exactly what GET /api/console/orders accepts (status, orderNo,
 * userId). The route has no date-range or group filter, so the page offers none.
 */
export interface OrderFilters {
  status: OrderStatus | null;
  orderNo: string;
  userId: string;
}

export const emptyFilters: OrderFilters = { status: null, orderNo: '', userId: '' };

export const pageSize = 20;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FilterProblem = { field: 'orderNo' | 'userId'; text: string } | null;

/** Caught before asking, so a mistyped buyer id reads as a hint rather than the BFF's 400. */
export function filterProblem(filters: OrderFilters): FilterProblem {
  const orderNo = filters.orderNo.trim();
  if (orderNo.length > 32) return { field: 'orderNo', text: '订单号最多 32 位' };
  const userId = filters.userId.trim();
  if (userId !== '' && !uuidPattern.test(userId)) return { field: 'userId', text: '买家 ID 格式不正确（应为 UUID）' };
  return null;
}

/** The query string of one page: blank filters are left out, the cursor only after the first page. */
export function orderListQuery(filters: OrderFilters, cursor: string | null): Record<string, string> {
  const query: Record<string, string> = { limit: String(pageSize) };
  if (filters.status) query.status = filters.status;
  const orderNo = filters.orderNo.trim();
  if (orderNo) query.orderNo = orderNo;
  const userId = filters.userId.trim();
  if (userId) query.userId = userId.toLowerCase();
  if (cursor) query.cursor = cursor;
  return query;
}

/** The status tabs: 全部 first, then every status in the order an order moves through them. */
export const statusTabs: ReadonlyArray<{ key: OrderStatus | 'all'; status: OrderStatus | null }> = [
  { key: 'all', status: null },
  ...orderStatuses.map((status) => ({ key: status, status })),
];
