import { and, eq, lte, sql } from 'drizzle-orm';
import type { ShipBody } from '@linli/shared/schemas/order';
import type { App } from '../../app';
import { AppError, notFound } from '../../plugins/errors';
import { moveOrder, systemActor, type Actor } from './move-order';
import { afterSales, orders } from './tables';

export async function shipOrder(app: App, input: { orderId: string; actor: Actor; body: ShipBody }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, input.orderId));
    if (!order) throw notFound('订单');
    // Shipping while the shopper waits for a refund decision would ship goods that may be refunded.
    const [open] = await tx.select({ id: afterSales.id }).from(afterSales).where(and(eq(afterSales.orderId, order.id), eq(afterSales.status, 'requested')));
    if (open) throw new AppError(409, 'AFTER_SALE_OPEN', '该订单有待处理的售后申请，请先处理');
    const moved = await moveOrder(app.database, tx, {
      orderId: order.id,
      action: 'ship',
      actor: input.actor,
      note: `${input.body.carrier} ${input.body.trackingNo}`,
      // The app's clock, not the database's: autoConfirmReceipts measures AUTO_CONFIRM_DAYS with it.
      set: sql`shipped_at = ${app.clock().toISOString()}, carrier = ${input.body.carrier}, tracking_no = ${input.body.trackingNo}`,
    });
    if (!moved) throw new AppError(409, 'ORDER_NOT_SHIPPABLE', '订单当前状态不能发货');
  });
}

export async function confirmReceipt(app: App, input: { orderId: string; ownerId: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.id, input.orderId), eq(orders.userId, input.ownerId)));
    if (!order) throw notFound('订单');
    const moved = await moveOrder(app.database, tx, {
      orderId: order.id,
      action: 'confirmReceipt',
      actor: { kind: 'shopper', id: input.ownerId },
      set: sql`completed_at = ${app.clock().toISOString()}`,
    });
    if (!moved) throw new AppError(409, 'ORDER_NOT_SHIPPED', '订单尚未发货或已完成');
  });
}

/** Receipt is confirmed for the shopper N days after shipping (AUTO_CONFIRM_DAYS). Safe on many instances. */
export async function autoConfirmReceipts(app: App, limit = 200): Promise<number> {
  const cutoff = new Date(app.clock().getTime() - app.config.orders.autoConfirmDays * 86_400_000);
  let confirmed = 0;
  for (let i = 0; i < limit; i++) {
    const found = await app.db.transaction(async (tx) => {
      const [due] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.status, 'shipped'), lte(orders.shippedAt, cutoff)))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return false;
      await moveOrder(app.database, tx, { orderId: due.id, action: 'autoConfirm', actor: systemActor, note: '自动确认收货', set: sql`completed_at = ${app.clock().toISOString()}` });
      return true;
    });
    if (!found) break;
    confirmed++;
  }
  return confirmed;
}
