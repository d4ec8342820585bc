import { and, eq, lte, sql } from 'drizzle-orm';
import type { App } from '../../app';
import { AppError, notFound } from '../../plugins/errors';
import { releaseCoupon } from '../coupons/holds';
import { lockGroupOfOrder, releaseSeat } from '../group-buys/seats';
import { payments } from '../payments/tables';
import { moveOrder, systemActor, type Actor } from './move-order';
import { returnStock } from './stock';
import { orders } from './tables';

/** A shopper (or staff) cancels an unpaid order: stock and coupon go back at once, in the same transaction. */
export async function cancelOrder(app: App, input: { orderId: string; ownerId: string | null; actor: Actor }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const scope = input.ownerId ? and(eq(orders.id, input.orderId), eq(orders.userId, input.ownerId)) : eq(orders.id, input.orderId);
    const [order] = await tx.select({ id: orders.id }).from(orders).where(scope);
    if (!order) throw notFound('订单');
    await lockGroupOfOrder(app.database, tx, order.id);
    const moved = await moveOrder(app.database, tx, { orderId: order.id, action: 'cancel', actor: input.actor, set: sql`cancelled_at = ${app.clock().toISOString()}` });
    if (!moved) throw new AppError(409, 'ORDER_NOT_CANCELLABLE', '订单已支付或已关闭，无法取消');
    await returnStock(app.database, tx, order.id);
    await releaseCoupon(tx, order.id);
    await releaseSeat(tx, { orderId: order.id, now: app.clock() });
  });
  await closeProviderPayment(app, input.orderId);
}

/**
 * The sweeper: unpaid orders past their payment window are cancelled and their stock returned.
 * Each order is claimed with FOR UPDATE SKIP LOCKED in its own short transaction, so any number of
 * instances can sweep at once; the guarded transition makes each release happen exactly once.
 */
export async function expireUnpaidOrders(app: App, limit = 200): Promise<number> {
  let expired = 0;
  for (let i = 0; i < limit; i++) {
    const orderId = await app.db.transaction(async (tx) => {
      const [due] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.status, 'pending_payment'), lte(orders.expiresAt, app.clock())))
        .orderBy(orders.expiresAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return null;
      // Its group is being failed by the group job right now, which closes this order itself.
      if ((await lockGroupOfOrder(app.database, tx, due.id, { skipLocked: true })) === 'busy') return 'busy';
      const moved = await moveOrder(app.database, tx, { orderId: due.id, action: 'expire', actor: systemActor, note: '超时未支付', set: sql`cancelled_at = ${app.clock().toISOString()}` });
      if (moved) {
        await returnStock(app.database, tx, due.id);
        await releaseCoupon(tx, due.id);
        await releaseSeat(tx, { orderId: due.id, now: app.clock() });
      }
      return due.id;
    });
    if (!orderId || orderId === 'busy') break;
    expired++;
    await closeProviderPayment(app, orderId);
  }
  return expired;
}

/**
 * Best effort: tell the provider not to accept payment any more. If a payment still slips through,
 * its notify finds the order cancelled and the money is refunded (see applyConfirmedPayment).
 */
export async function closeProviderPayment(app: App, orderId: string): Promise<void> {
  const [payment] = await app.db.select().from(payments).where(and(eq(payments.orderId, orderId), eq(payments.status, 'prepaid')));
  if (!payment) return;
  try {
    await app.payments.closePayment(payment.outTradeNo);
    await app.db.update(payments).set({ status: 'closed' }).where(and(eq(payments.id, payment.id), eq(payments.status, 'prepaid')));
  } catch (err) {
    app.log.warn({ err, outTradeNo: payment.outTradeNo }, 'could not close payment; reconciliation will look again');
  }
}
