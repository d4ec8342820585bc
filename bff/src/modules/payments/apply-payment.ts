import { eq, sql } from 'drizzle-orm';
import type { App } from '../../app';
import { AppError } from '../../plugins/errors';
import { orderLines } from '../orders/tables';
import { recordCommissions } from '../commissions/record-commissions';
import { markCouponUsed } from '../coupons/holds';
import { lockGroupOfOrder, seatPaid } from '../group-buys/seats';
import { moveOrder } from '../orders/move-order';
import { rewardInviter } from '../referrals/referral-reward';
import { returnStock } from '../orders/stock';
import { refundWholeOrder } from './refunds';
import { payments } from './tables';
import { recordOrderPaid } from '../analytics/record-event';

export interface ConfirmedPayment {
  outTradeNo: string;
  transactionId: string;
  amount: number;
  payerOpenid: string | null;
  successTime: Date | null;
}

export type PaymentOutcome = 'applied' | 'already_applied' | 'refunding_closed_order';

/**
 * Applies a confirmed payment (from a verified notify or a reconciliation query) exactly once.
 * The payment row is locked first, so ten copies of one notify arriving together queue here and all
 * but the first find it already succeeded. A payment for an order that was meanwhile cancelled
 * (expired or cancelled by the shopper) is accepted and refunded in full, never kept.
 */
export async function applyConfirmedPayment(app: App, paid: ConfirmedPayment): Promise<PaymentOutcome> {
  const outcome = await app.db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.outTradeNo, paid.outTradeNo)).for('update');
    if (!payment) throw new AppError(404, 'UNKNOWN_TRADE', '没有这笔支付');
    if (paid.amount !== payment.amount) {
      app.log.error({ outTradeNo: paid.outTradeNo, expected: payment.amount, got: paid.amount }, 'payment amount mismatch');
      throw new AppError(400, 'AMOUNT_MISMATCH', '支付金额与订单不符');
    }
    if (payment.status === 'succeeded') return 'already_applied' as const;
    await lockGroupOfOrder(app.database, tx, payment.orderId);

    const paidAt = paid.successTime ?? app.clock();
    await tx
      .update(payments)
      .set({ status: 'succeeded', transactionId: paid.transactionId, payerOpenid: paid.payerOpenid, paidAt })
      .where(eq(payments.id, payment.id));

    const moved = await moveOrder(app.database, tx, {
      orderId: payment.orderId,
      action: 'pay',
      actor: { kind: 'provider', id: paid.transactionId },
      set: sql`paid_at = ${paidAt.toISOString()}`,
    });
    if (!moved) {
      await refundWholeOrder(tx, { orderId: payment.orderId, amount: payment.amount, reason: '订单已关闭，自动退款', now: app.clock() });
      return 'refunding_closed_order' as const;
    }
    await recordOrderPaid(tx, payment.orderId, paidAt);
    await markCouponUsed(tx, payment.orderId, paidAt);
    const system = { kind: 'system' as const, id: null };
    const seat = await seatPaid(app.database, tx, { orderId: payment.orderId, now: app.clock() });
    if (seat.kind === 'not_group') {
      await moveOrder(app.database, tx, { orderId: payment.orderId, action: 'releaseToShip', actor: system });
    } else {
      await moveOrder(app.database, tx, { orderId: payment.orderId, action: 'awaitGroup', actor: system });
      if (seat.kind === 'succeeded') {
        for (const orderId of seat.orderIds) {
          await moveOrder(app.database, tx, { orderId, action: 'releaseToShip', actor: system, note: '拼团成功' });
        }
      }
      if (seat.kind === 'group_closed') {
        // The group failed or was abandoned before this payment arrived: the money goes straight back.
        await refundWholeOrder(tx, { orderId: payment.orderId, amount: payment.amount, reason: '拼团未成功，自动退款', now: app.clock() });
        await returnStock(app.database, tx, payment.orderId);
        return 'refunding_closed_order' as const;
      }
    }
    // Sales counts come from paid orders only: nothing shown to shoppers is made up.
    await app.database.rows(
      tx,
      sql`update products p set sales_count = p.sales_count + l.quantity
          from (select product_id, sum(quantity)::int as quantity from ${orderLines} where order_id = ${payment.orderId} group by product_id) l
          where p.id = l.product_id`,
    );
    await recordCommissions(tx, { orderId: payment.orderId, now: app.clock() });
    await rewardInviter(tx, { orderId: payment.orderId, now: app.clock() });
    return 'applied' as const;
  });
  return outcome;
}

