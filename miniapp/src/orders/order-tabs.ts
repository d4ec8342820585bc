import { orderStatuses, type OrderStatus } from '@linli/shared/schemas/order';

export interface OrderTab {
  /** `all` or the status the tab filters by; also the class-name suffix (`order-tab--to_ship`) */
  key: OrderStatus | 'all';
  label: string;
  /** what the empty tab says */
  empty: string;
}

/**
 * The tabs of 我的订单. `paid` is not a tab: a paid order moves on to 待成团 or 待发货 in the same
 * transaction. Cancelled orders only show under 全部. 退款/售后 lists orders refunded in full;
 * a partial refund or an open request shows on the order itself.
 */
export const orderTabs: readonly OrderTab[] = [
  { key: 'all', label: '全部', empty: '还没有订单，去首页逛逛吧' },
  { key: 'pending_payment', label: '待付款', empty: '没有待付款的订单' },
  { key: 'awaiting_group', label: '待成团', empty: '没有拼团中的订单' },
  { key: 'to_ship', label: '待发货', empty: '没有待发货的订单' },
  { key: 'shipped', label: '待收货', empty: '没有待收货的订单' },
  { key: 'completed', label: '已完成', empty: '没有已完成的订单' },
  { key: 'refunded', label: '退款/售后', empty: '没有退款的订单' },
];

/** The tab a `?status=` opens; anything unknown opens 全部. */
export function tabFor(status: string | undefined): OrderTab {
  const found = orderTabs.find((tab) => tab.key === status);
  if (found) return found;
  // `paid` is a moment, not a tab: its orders are being moved to the next state.
  return orderTabs[0] as OrderTab;
}

/** The status filter to send for a tab; undefined lists every order. */
export function statusOf(tab: OrderTab): OrderStatus | undefined {
  return tab.key === 'all' ? undefined : orderStatuses.find((s) => s === tab.key);
}
