import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { App } from '../../app';
import { releaseCoupon } from '../coupons/holds';
import { closeProviderPayment } from '../orders/cancel-order';
import { moveOrder, systemActor } from '../orders/move-order';
import { returnStock } from '../orders/stock';
import { orders } from '../orders/tables';
import { refundWholeOrder } from '../payments/refunds';
import { recordEvent } from '../analytics/record-event';
import { groupSeats, groups } from './tables';

/**
 * Groups still short of members when their time runs out fail. Every paid member gets a full refund
 * recorded in the same transaction (the refund worker sends it and retries until WeChat confirms),
 * unpaid members' orders are cancelled, and stock and coupons go back. Each group is claimed with
 * FOR UPDATE SKIP LOCKED, so any number of instances can run this; the guarded status change means a
 * group that succeeded a moment earlier is never failed, and the reverse.
 */
export async function failExpiredGroups(app: App, limit = 100): Promise<number> {
  let failed = 0;
  for (; failed < limit; failed++) {
    const unpaidOrders = await app.db.transaction(async (tx) => {
      const now = app.clock();
      const [due] = await tx
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(groups.status, 'open'), lte(groups.expiresAt, now)))
        .orderBy(groups.expiresAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return null;
      await tx.update(groups).set({ status: 'failed', closedAt: now }).where(eq(groups.id, due.id));
      await recordEvent(tx, { name: 'group_failed', at: now, groupId: due.id });
      const seats = await tx
        .select()
        .from(groupSeats)
        .where(and(eq(groupSeats.groupId, due.id), inArray(groupSeats.status, ['reserved', 'paid'])));
      const cancelled: string[] = [];
      for (const seat of seats) {
        if (seat.status === 'paid') {
          await tx.update(groupSeats).set({ status: 'refunded' }).where(eq(groupSeats.id, seat.id));
          const [order] = await tx
            .select({ payable: orders.payable })
            .from(orders)
            .where(and(eq(orders.id, seat.orderId), eq(orders.status, 'awaiting_group')));
          if (order) {
            await refundWholeOrder(tx, { orderId: seat.orderId, amount: order.payable, reason: '拼团未成功，自动退款', now });
            await returnStock(app.database, tx, seat.orderId);
          }
        } else {
          await tx.update(groupSeats).set({ status: 'released' }).where(eq(groupSeats.id, seat.id));
          const moved = await moveOrder(app.database, tx, {
            orderId: seat.orderId,
            action: 'expire',
            actor: systemActor,
            note: '拼团未成功，订单关闭',
            set: sql`cancelled_at = ${now.toISOString()}`,
          });
          if (moved) {
            await returnStock(app.database, tx, seat.orderId);
            await releaseCoupon(tx, seat.orderId);
            cancelled.push(seat.orderId);
          }
        }
      }
      return cancelled;
    });
    if (!unpaidOrders) break;
    for (const orderId of unpaidOrders) await closeProviderPayment(app, orderId);
  }
  return failed;
}
