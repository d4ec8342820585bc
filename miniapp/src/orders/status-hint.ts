import type { OrderStatus } from '@linli/shared/schemas/order';

/** What happens next, under the status on the order page. */
export const statusHints: Record<OrderStatus, string> = {
  pending_payment: '请在倒计时结束前完成支付，超时订单将自动取消',
  paid: '支付成功，订单处理中',
  awaiting_group: '拼团中，邀请好友参团，成团后商家发货；未成团将自动退款',
  to_ship: '商家正在备货，请耐心等待',
  shipped: '商品已发出，收到后请确认收货；到期将自动确认',
  completed: '交易完成，收货后 7 天内可申请售后',
  cancelled: '订单已取消，库存和优惠券已退回',
  refunded: '退款已原路退回，请留意到账通知',
};
