import { and, desc, eq, sql } from 'drizzle-orm';
import { afterSaleOpenStatuses, withinReturnWindow } from '@linli/shared/orders/state-machine';
import type { AfterSale, AfterSaleBody, OrderStatus } from '@linli/shared/schemas/order';
import type { App } from '../../app';
import { AppError, notFound } from '../../plugins/errors';
import { reverseCommissions } from '../commissions/reverse-commissions';
import { recordRefund } from '../payments/refunds';
import type { Actor } from './move-order';
import { refundForUnits } from './refund-amount';
import { addStock } from './stock';
import { afterSales, orderLines, orders, type AfterSaleLine } from './tables';

const notShipped: readonly OrderStatus[] = ['paid', 'awaiting_group', 'to_ship'];

/**
 * A shopper asks for money back, for the whole order or some units of some lines. The amount is
 * fixed now from what each line actually paid (so discounts are returned pro rata, never more);
 * an order refunded in full before shipping also gets its shipping fee back.
 */
export async function requestAfterSale(app: App, input: { userId: string; orderId: string; body: AfterSaleBody }): Promise<AfterSale> {
  return app.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(and(eq(orders.id, input.orderId), eq(orders.userId, input.userId))).for('update');
    if (!order) throw notFound('订单');
    if (!afterSaleOpenStatuses.includes(order.status)) throw new AppError(409, 'AFTER_SALE_NOT_ALLOWED', '该订单当前不能申请售后');
    const { returnWindowDays } = app.config.orders;
    if (order.status === 'completed' && !withinReturnWindow(order.completedAt, app.clock(), returnWindowDays)) {
      throw new AppError(409, 'AFTER_SALE_WINDOW_CLOSED', `已超过收货后${returnWindowDays}天的售后期`);
    }
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    const wanted = input.body.lines ?? lines.filter((l) => l.quantity > l.refundedQuantity).map((l) => ({ orderLineId: l.id, quantity: l.quantity - l.refundedQuantity }));
    if (wanted.length === 0) throw new AppError(409, 'NOTHING_TO_REFUND', '该订单已全部退款');

    const chosen: AfterSaleLine[] = [];
    for (const w of wanted) {
      const line = lines.find((l) => l.id === w.orderLineId);
      if (!line) throw new AppError(400, 'ORDER_LINE_NOT_FOUND', '售后商品不属于该订单', [{ path: `/lines/${w.orderLineId}`, message: 'not in this order' }]);
      if (chosen.some((c) => c.orderLineId === line.id)) throw new AppError(400, 'DUPLICATE_LINE', '同一商品行重复申请');
      if (w.quantity > line.quantity - line.refundedQuantity) throw new AppError(409, 'REFUND_QUANTITY_EXCEEDED', `「${line.title}」可退数量不足`);
      chosen.push({ orderLineId: line.id, quantity: w.quantity, amount: refundForUnits(line, w.quantity) });
    }

    let amount = chosen.reduce((sum, c) => sum + c.amount, 0);
    const everythingBack = lines.every((l) => l.quantity - l.refundedQuantity === (chosen.find((c) => c.orderLineId === l.id)?.quantity ?? 0));
    if (everythingBack && notShipped.includes(order.status)) amount = order.payable - order.refundedAmount;

    const inserted = await tx
      .insert(afterSales)
      .values({ orderId: order.id, userId: input.userId, status: 'requested', lines: chosen, amount, reason: input.body.reason })
      .onConflictDoNothing()
      .returning();
    if (!inserted[0]) throw new AppError(409, 'AFTER_SALE_OPEN', '该订单已有待处理的售后申请');
    return toAfterSale(inserted[0]);
  });
}

/**
 * Staff approve: refunded amounts are committed on the lines and the order (database checks stop
 * them exceeding what was paid), stock returns if the goods never left, a refund is recorded for
 * the worker to send and the order's pending commissions are reversed pro rata. All in one transaction.
 */
export async function approveAfterSale(app: App, input: { afterSaleId: string; actor: Actor; note: string }): Promise<AfterSale> {
  return app.db.transaction(async (tx) => {
    const [request] = await tx.select().from(afterSales).where(eq(afterSales.id, input.afterSaleId)).for('update');
    if (!request) throw notFound('售后申请');
    if (request.status !== 'requested') throw new AppError(409, 'AFTER_SALE_DECIDED', '该售后申请已处理');
    const [order] = await tx.select().from(orders).where(eq(orders.id, request.orderId)).for('update');

    const returned: Array<{ skuId: string; quantity: number }> = [];
    for (const l of request.lines) {
      const [line] = await tx
        .update(orderLines)
        .set({ refundedQuantity: sql`${orderLines.refundedQuantity} + ${l.quantity}`, refundedAmount: sql`${orderLines.refundedAmount} + ${l.amount}` })
        .where(eq(orderLines.id, l.orderLineId))
        .returning({ skuId: orderLines.skuId });
      returned.push({ skuId: line!.skuId, quantity: l.quantity });
    }
    await tx.update(orders).set({ refundedAmount: sql`${orders.refundedAmount} + ${request.amount}`, updatedAt: sql`now()` }).where(eq(orders.id, request.orderId));
    if (order && notShipped.includes(order.status)) await addStock(tx, returned);
    await recordRefund(tx, { orderId: request.orderId, afterSaleId: request.id, amount: request.amount, reason: request.reason, now: app.clock() });
    await reverseCommissions(tx, { orderId: request.orderId, now: app.clock() });

    const [decided] = await tx
      .update(afterSales)
      .set({ status: 'approved', decidedBy: input.actor.id, decidedAt: app.clock(), decisionNote: input.note })
      .where(eq(afterSales.id, request.id))
      .returning();
    return toAfterSale(decided!);
  });
}

export async function rejectAfterSale(app: App, input: { afterSaleId: string; actor: Actor; note: string }): Promise<AfterSale> {
  const [decided] = await app.db
    .update(afterSales)
    .set({ status: 'rejected', decidedBy: input.actor.id, decidedAt: app.clock(), decisionNote: input.note })
    .where(and(eq(afterSales.id, input.afterSaleId), eq(afterSales.status, 'requested')))
    .returning();
  if (decided) return toAfterSale(decided);
  const [exists] = await app.db.select({ id: afterSales.id }).from(afterSales).where(eq(afterSales.id, input.afterSaleId));
  throw exists ? new AppError(409, 'AFTER_SALE_DECIDED', '该售后申请已处理') : notFound('售后申请');
}

/** The shopper's requests for one of their orders, newest first; null when the order is not theirs. */
export async function listMyAfterSales(app: App, input: { userId: string; orderId: string }): Promise<AfterSale[] | null> {
  const [order] = await app.db.select({ id: orders.id }).from(orders).where(and(eq(orders.id, input.orderId), eq(orders.userId, input.userId)));
  if (!order) return null;
  const rows = await app.db.select().from(afterSales).where(eq(afterSales.orderId, order.id)).orderBy(desc(afterSales.createdAt), desc(afterSales.id));
  return rows.map(toAfterSale);
}

export function toAfterSale(row: typeof afterSales.$inferSelect): AfterSale {
  return {
    id: row.id,
    orderId: row.orderId,
    status: row.status,
    amount: row.amount,
    reason: row.reason,
    decisionNote: row.decisionNote,
    lines: row.lines,
    createdAt: row.createdAt.toISOString(),
  };
}
