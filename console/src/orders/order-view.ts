import { formatFen } from '@linli/shared/money';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { orderStatusLabels, type AfterSaleStatus, type OrderDetail, type OrderEvent, type OrderStatus } from '@linli/shared/schemas/order';
import type { ActorKind, OrderAction } from '@linli/shared/orders/state-machine';

/** Ant Design tag colours: what needs the merchant's hand (待发货) stands out, closed orders are grey. */
const statusColors: Record<OrderStatus, string> = {
  pending_payment: 'gold',
  paid: 'blue',
  awaiting_group: 'purple',
  to_ship: 'red',
  shipped: 'cyan',
  completed: 'green',
  cancelled: 'default',
  refunded: 'default',
};

export function statusTag(status: OrderStatus): { label: string; color: string } {
  return { label: orderStatusLabels[status], color: statusColors[status] };
}

const actionLabels: Record<OrderAction, string> = {
  pay: '支付成功',
  awaitGroup: '等待成团',
  releaseToShip: '进入待发货',
  cancel: '取消订单',
  expire: '超时未付款，自动取消',
  ship: '发货',
  confirmReceipt: '确认收货',
  autoConfirm: '自动确认收货',
  refundInFull: '全额退款',
};

const actorLabels: Record<ActorKind, string> = { shopper: '买家', staff: '商家员工', system: '系统', provider: '支付渠道' };

/** Events come as strings on the wire; unknown ones (a newer BFF) show their raw names. */
function labelOf<K extends string>(labels: Record<K, string>, key: string): string {
  return key in labels ? labels[key as K] : key;
}

function statusLabelOf(status: string): string {
  return labelOf(orderStatusLabels, status);
}

/** One line of the event log: who did what, when, and the status it moved between. */
export interface EventRow {
  key: string;
  at: string;
  who: string;
  what: string;
  change: string;
  note: string;
}

export function eventRows(events: readonly OrderEvent[]): EventRow[] {
  return events.map((event, index) => ({
    key: `${event.at}-${index}`,
    at: shanghaiTimestamp(event.at),
    who: labelOf(actorLabels, event.actorKind),
    // 'place' writes the first event (no from-status); it is not in the transition table.
    what: event.action === 'place' ? '下单' : labelOf(actionLabels, event.action),
    change: event.fromStatus === null ? statusLabelOf(event.toStatus) : `${statusLabelOf(event.fromStatus)} → ${statusLabelOf(event.toStatus)}`,
    note: event.note,
  }));
}

/** The money rows of the detail: discounts shown as negatives, zero discounts left out, payable last. */
export function moneyRows(order: OrderDetail): Array<{ label: string; value: string }> {
  const rows = [{ label: '商品金额', value: formatFen(order.itemsTotal) }];
  if (order.groupDiscount > 0) rows.push({ label: '拼团优惠', value: `-${formatFen(order.groupDiscount)}` });
  if (order.couponDiscount > 0) rows.push({ label: '优惠券', value: `-${formatFen(order.couponDiscount)}` });
  rows.push({ label: '运费', value: formatFen(order.shippingFee) });
  if (order.shippingDiscount > 0) rows.push({ label: '运费减免', value: `-${formatFen(order.shippingDiscount)}` });
  rows.push({ label: '实付金额', value: formatFen(order.payable) });
  if (order.refundedAmount > 0) rows.push({ label: '已退款', value: formatFen(order.refundedAmount) });
  return rows;
}

export function addressText(address: OrderDetail['address']): string {
  return [address.province, address.city, address.district, address.detail].filter((part) => part !== '').join(' ');
}

export const afterSaleStatusLabels: Record<AfterSaleStatus, string> = {
  requested: '待处理',
  approved: '已同意（退款中）',
  rejected: '已拒绝',
  refunded: '已退款',
};

/** What a list row says was bought: the first line's title, and how many pieces in all when more than one. */
export function itemsText(order: { title: string; itemCount: number }): string {
  return order.itemCount > 1 ? `${order.title} 等 ${order.itemCount} 件` : order.title;
}

/** What the page says after an export, from the headers the BFF sent with the file. */
export function exportNotice(headers: Record<string, string>): { kind: 'success' | 'warning'; text: string } {
  const orders = headers['x-export-orders'] ?? '0';
  if (headers['x-export-capped'] === 'true') {
    return { kind: 'warning', text: `符合条件的订单超过 ${orders} 单，已导出最新的 ${orders} 单；请缩小下单日期范围分批导出` };
  }
  return { kind: 'success', text: `已导出 ${orders} 单` };
}
