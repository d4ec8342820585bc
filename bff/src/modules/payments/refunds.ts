import { randomInt } from 'node:crypto';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { App } from '../../app';
import type { Executor } from '../../db/client';
import { reverseCommissions } from '../commissions/reverse-commissions';
import { afterSales, orders } from '../orders/tables';
import { returnCoupon } from '../coupons/holds';
import { moveOrder } from '../orders/move-order';
import type { RefundResult } from './providers/payment-provider';
import { payments, refunds } from './tables';

/**
 * Records a refund inside the caller's transaction. Nothing is sent to the provider here: the refund
 * worker sends it after commit and retries until the provider confirms, so a crash in between never
 * loses one, and a rolled-back caller never sends one.
 */
export async function recordRefund(tx: Executor, input: { orderId: string; afterSaleId?: string; amount: number; reason: string; now: Date }): Promise<string> {
  const [row] = await tx
    .insert(refunds)
    .values({
      orderId: input.orderId,
      afterSaleId: input.afterSaleId ?? null,
      outRefundNo: `R${input.now.toISOString().replace(/\D/g, '').slice(0, 14)}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
      amount: input.amount,
      reason: input.reason,
      status: 'pending',
      // Due now by the app's clock, which processDueRefunds compares against (not the database's).
      nextAttemptAt: input.now,
    })
    .returning({ id: refunds.id });
  return row!.id;
}

/**
 * Gives a paid order's whole payment back without anyone asking: a payment for an order that closed
 * meanwhile, or for a group that failed. The amount is committed on the order, the refund recorded
 * for the worker and the order's pending commissions reversed, in the caller's transaction.
 */
export async function refundWholeOrder(tx: Executor, input: { orderId: string; amount: number; reason: string; now: Date }): Promise<void> {
  await tx.update(orders).set({ refundedAmount: input.amount, updatedAt: input.now }).where(eq(orders.id, input.orderId));
  await recordRefund(tx, input);
  await reverseCommissions(tx, { orderId: input.orderId, now: input.now });
}

const retryDelaysSeconds = [10, 30, 60, 300, 900, 3600];

/**
 * Sends due refunds to the provider (or asks after ones in flight). Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several instances share the work and no refund is sent twice at once;
 * the provider's refund call is idempotent by out_refund_no besides.
 */
export async function processDueRefunds(app: App, limit = 20): Promise<number> {
  let handled = 0;
  for (; handled < limit; handled++) {
    const done = await app.db.transaction(async (tx) => {
      const [refund] = await tx
        .select()
        .from(refunds)
        .where(and(inArray(refunds.status, ['pending', 'processing']), lte(refunds.nextAttemptAt, app.clock())))
        .orderBy(refunds.nextAttemptAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!refund) return false;
      const [payment] = await tx.select().from(payments).where(eq(payments.orderId, refund.orderId));
      try {
        const result: RefundResult =
          refund.status === 'pending'
            ? await app.payments.refund({
                outTradeNo: payment!.outTradeNo,
                outRefundNo: refund.outRefundNo,
                refundAmount: refund.amount,
                totalAmount: payment!.amount,
                reason: refund.reason,
              })
            : await app.payments.queryRefund(refund.outRefundNo);
        await applyRefundResult(app, tx, refund.outRefundNo, result.status, result.refundId);
      } catch (err) {
        const delay = retryDelaysSeconds[Math.min(refund.attempts, retryDelaysSeconds.length - 1)]!;
        app.log.warn({ err, outRefundNo: refund.outRefundNo }, 'refund attempt failed; will retry');
        await tx
          .update(refunds)
          .set({ attempts: refund.attempts + 1, lastError: String((err as Error).message).slice(0, 500), nextAttemptAt: new Date(app.clock().getTime() + delay * 1000) })
          .where(eq(refunds.id, refund.id));
      }
      return true;
    });
    if (!done) break;
  }
  return handled;
}

/**
 * Applies what the provider says about a refund (from the refund call, a query, or a notify).
 * Guarded by the refund's status, so the same news applied twice changes nothing.
 */
export async function applyRefundResult(app: App, tx: Executor, outRefundNo: string, status: RefundResult['status'], providerRefundId: string | null): Promise<void> {
  if (status === 'PROCESSING') {
    // A refund already processing is put back too: otherwise it stays due, and the worker asks after
    // it again and again in one run, ahead of every refund due later (it orders by nextAttemptAt).
    await tx
      .update(refunds)
      .set({ status: 'processing', providerRefundId, attempts: sql`${refunds.attempts} + 1`, nextAttemptAt: new Date(app.clock().getTime() + 60_000) })
      .where(and(eq(refunds.outRefundNo, outRefundNo), inArray(refunds.status, ['pending', 'processing'])));
    return;
  }
  if (status === 'ABNORMAL' || status === 'CLOSED') {
    // Needs a person: WeChat could not return the money (e.g. the shopper's card was closed).
    await tx
      .update(refunds)
      .set({ status: 'failed', providerRefundId, lastError: `provider status ${status}` })
      .where(and(eq(refunds.outRefundNo, outRefundNo), inArray(refunds.status, ['pending', 'processing'])));
    return;
  }
  const [refund] = await tx
    .update(refunds)
    .set({ status: 'succeeded', providerRefundId, succeededAt: app.clock() })
    .where(and(eq(refunds.outRefundNo, outRefundNo), inArray(refunds.status, ['pending', 'processing'])))
    .returning();
  if (!refund) return;
  if (refund.afterSaleId) {
    await tx.update(afterSales).set({ status: 'refunded' }).where(and(eq(afterSales.id, refund.afterSaleId), eq(afterSales.status, 'approved')));
  }
  // Fully refunded (every committed refund confirmed and nothing left paid): the order closes.
  const [state] = await app.database.rows<{ payable: number; refunded_amount: number; open_refunds: number }>(
    tx,
    sql`select o.payable, o.refunded_amount,
               (select count(*)::int from refunds r where r.order_id = o.id and r.status in ('pending', 'processing')) as open_refunds
        from orders o where o.id = ${refund.orderId}`,
  );
  if (state && state.open_refunds === 0 && state.refunded_amount === state.payable) {
    const moved = await moveOrder(app.database, tx, { orderId: refund.orderId, action: 'refundInFull', actor: { kind: 'provider', id: null }, note: '全额退款完成' });
    if (moved) await returnCoupon(tx, refund.orderId, app.clock());
  }
}

