import { orderStatuses, type OrderStatus } from '@linli/shared/schemas/order';
import { addDays, shanghaiToday } from '../dashboard/date-range';

/**
 * What the list (and the CSV export) can be narrowed by: exactly what GET /api/console/orders
 * accepts. One 买家 box takes what a merchant has at hand: a user id goes as `userId`, anything
 * else as `buyer` (the BFF reads a phone number exactly, other text as part of the nickname).
 */
export interface OrderFilters {
  status: OrderStatus | null;
  orderNo: string;
  buyer: string;
  groupId: string;
  /** Shanghai calendar days the order was placed, both included; null for any day */
  placed: { from: string; to: string } | null;
}

export const emptyFilters: OrderFilters = { status: null, orderNo: '', buyer: '', groupId: '', placed: null };

export const pageSize = 20;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export type FilterField = 'orderNo' | 'buyer' | 'groupId' | 'placed';
export type FilterProblem = { field: FilterField; text: string } | null;

/** The BFF's query rules, checked before asking so a slip reads as a hint next to its box. */
export function filterProblem(filters: OrderFilters): FilterProblem {
  if (filters.orderNo.trim().length > 32) return { field: 'orderNo', text: '订单号最多 32 位' };
  if (filters.buyer.trim().length > 30 && !uuidPattern.test(filters.buyer.trim())) return { field: 'buyer', text: '买家最多 30 个字' };
  const groupId = filters.groupId.trim();
  if (groupId !== '' && !uuidPattern.test(groupId)) return { field: 'groupId', text: '拼团 ID 格式不正确（应为 UUID）' };
  const placed = filters.placed;
  if (placed && (!dayPattern.test(placed.from) || !dayPattern.test(placed.to))) return { field: 'placed', text: '请选择完整的日期范围' };
  if (placed && placed.from > placed.to) return { field: 'placed', text: '结束日期不能早于开始日期' };
  return null;
}

/** The filters as query parameters (the list's and the export's): blank ones are left out. */
export function orderFilterQuery(filters: OrderFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.status) query.status = filters.status;
  const orderNo = filters.orderNo.trim();
  if (orderNo) query.orderNo = orderNo;
  const buyer = filters.buyer.trim();
  if (uuidPattern.test(buyer)) query.userId = buyer.toLowerCase();
  else if (buyer) query.buyer = buyer;
  const groupId = filters.groupId.trim();
  if (groupId) query.groupId = groupId.toLowerCase();
  if (filters.placed) {
    query.from = filters.placed.from;
    query.to = filters.placed.to;
  }
  return query;
}

/** The query string of one page of the list: the filters, the page size, the cursor after the first page. */
export function orderListQuery(filters: OrderFilters, cursor: string | null): Record<string, string> {
  return { limit: String(pageSize), ...orderFilterQuery(filters), ...(cursor ? { cursor } : {}) };
}

/** The status tabs: 全部 first, then every status in the order an order moves through them. */
export const statusTabs: ReadonlyArray<{ key: OrderStatus | 'all'; status: OrderStatus | null }> = [
  { key: 'all', status: null },
  ...orderStatuses.map((status) => ({ key: status, status })),
];

/** The date picker's shortcuts, counted in Shanghai days whatever the browser's zone. */
export function placedPresets(now: Date): Array<{ label: string; from: string; to: string }> {
  const today = shanghaiToday(now);
  return [
    { label: '今天', from: today, to: today },
    { label: '昨天', from: addDays(today, -1), to: addDays(today, -1) },
    { label: '最近 7 天', from: addDays(today, -6), to: today },
    { label: '最近 30 天', from: addDays(today, -29), to: today },
  ];
}
