import { orderStatusLabels, orderStatuses, type OrderEvent } from '@linli/shared/schemas/order';
import { shanghaiDateTime } from '@linli/shared/shanghai-time';

export interface TimelineEntry {
  title: string;
  /** the BFF's note when it adds something the title does not say */
  note: string;
  time: string;
}

/** Each logged action (bff state-machine actions, plus `place`) in the shop's words. */
function titleOf(event: OrderEvent): string | null {
  switch (event.action) {
    case 'place':
      return '提交订单';
    case 'pay':
      return '支付成功';
    case 'awaitGroup':
      return '等待好友参团';
    case 'releaseToShip':
      return event.note === '拼团成功' ? '拼团成功，等待商家发货' : '等待商家发货';
    case 'cancel':
      return event.actorKind === 'staff' ? '商家取消了订单' : '您取消了订单';
    case 'expire':
      return '订单已关闭';
    case 'ship':
      return '商家已发货';
    case 'confirmReceipt':
      return '您已确认收货';
    case 'autoConfirm':
      return '系统自动确认收货';
    case 'refundInFull':
      return '退款完成';
    default:
      return null;
  }
}

function statusLabel(status: string): string {
  const known = orderStatuses.find((s) => s === status);
  return known ? orderStatusLabels[known] : status;
}

/**
 * The order's history, newest first; an action this build does not know shows the status it reached.
 * Events arrive oldest first, and several can share a millisecond (paid and released to shipping in
 * one transaction): reversing before the stable sort keeps the later one on top.
 */
export function timelineOf(events: readonly OrderEvent[]): TimelineEntry[] {
  return [...events]
    .reverse()
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((event) => {
      const title = titleOf(event) ?? statusLabel(event.toStatus);
      const note = event.note !== '' && !title.includes(event.note) ? event.note : '';
      return { title, note, time: shanghaiDateTime(event.at) };
    });
}
