import { and, eq, sql } from 'drizzle-orm';
import type { PayResponse } from '@linli/shared/schemas/order';
import type { App } from '../../app';
import { AppError, notFound } from '../../plugins/errors';
import { PaymentProviderError } from './providers/payment-provider';
import { applyIfPaid } from './reconcile';
import { orderLines, orders } from '../orders/tables';
import { users } from '../users/tables';
import { payments } from './tables';
import { wechatIdentityFor } from './wechat-identity';

/**
 * Asks the provider for a prepay id and returns what wx.requestPayment needs. Repeating it for the
 * same order is safe: the out_trade_no is the order number, and the provider answers the same
 * transaction again.
 */
export async function prepayOrder(app: App, input: { userId: string; orderId: string }): Promise<PayResponse> {
  const [order] = await app.db.select().from(orders).where(and(eq(orders.id, input.orderId), eq(orders.userId, input.userId)));
  if (!order) throw notFound('订单');
  if (order.status !== 'pending_payment') throw new AppError(409, 'ORDER_NOT_PAYABLE', '订单不是待付款状态');
  if (order.expiresAt.getTime() <= app.clock().getTime()) throw new AppError(409, 'ORDER_EXPIRED', '订单已超时关闭');

  const [user] = await app.db.select({ openid: users.openid }).from(users).where(eq(users.id, input.userId));
  const payerOpenid = wechatIdentityFor(app.payments, { id: input.userId, openid: user?.openid ?? null });
  if (!payerOpenid) throw new AppError(409, 'WECHAT_LOGIN_REQUIRED', '请使用微信登录后支付');

  const [first] = await app.db.select({ title: orderLines.title }).from(orderLines).where(eq(orderLines.orderId, order.id)).limit(1);
  const prepay = await app.payments
    .prepay({
      outTradeNo: order.orderNo,
      description: (first?.title ?? '邻里订单').slice(0, 120),
      amount: order.payable,
      payerOpenid,
      expiresAt: order.expiresAt,
    })
    .catch((err: unknown) => refusal(app, order.orderNo, err));
  // prepaidAt by the app's clock, not the database's: reconcilePayments measures its grace period with it.
  const prepaidAt = app.clock();
  await app.db
    .insert(payments)
    .values({ orderId: order.id, provider: app.payments.name, outTradeNo: order.orderNo, prepayId: prepay.prepayId, amount: order.payable, status: 'prepaid', prepaidAt })
    .onConflictDoUpdate({ target: payments.orderId, set: { prepayId: prepay.prepayId, prepaidAt }, setWhere: sql`${payments.status} = 'prepaid'` });
  return { provider: app.payments.name, requestPayment: prepay.requestPayment };
}

/**
 * What the shopper is told when WeChat Pay will not open a payment. Paid already (the notify has not
 * landed yet) or closed: the order is not payable, and a paid one is applied now, so the client's reload
 * shows it paid. No answer or a 5xx: try again shortly. Anything else is a merchant set-up problem the
 * shopper cannot fix; it is logged in full and answered 502.
 */
async function refusal(app: App, orderNo: string, err: unknown): Promise<never> {
  if (!(err instanceof PaymentProviderError)) throw err;
  if (err.code === 'ORDERPAID') {
    await applyIfPaid(app, orderNo);
    throw new AppError(409, 'ORDER_NOT_PAYABLE', '订单已支付');
  }
  if (err.code === 'ORDER_CLOSED') throw new AppError(409, 'ORDER_NOT_PAYABLE', '订单已关闭');
  if (err.retryable) throw new AppError(503, 'PAYMENT_UNAVAILABLE', '微信支付暂时不可用，请稍后重试');
  app.log.error({ err, orderNo }, 'WeChat Pay refused a prepay');
  throw new AppError(502, 'PAYMENT_PROVIDER_ERROR', '暂时无法发起微信支付，请稍后再试或联系客服');
}
