import { and, eq, sql } from 'drizzle-orm';
import type { App } from '../../app';
import { promoterAccount } from '../ledger/accounts';
import { post, type Leg } from '../ledger/post';
import { reverseCommissions } from './reverse-commissions';
import { commissions } from './tables';

/**
 * Moves pending commissions on, one order per transaction: settled (withdrawable) once the order is
 * completed, its after-sales window has closed and no after-sales request is open; reversed in full
 * when the order ended refunded or cancelled. The order is claimed FOR UPDATE SKIP LOCKED (a shopper
 * asking for a refund locks it too) and commissions move only from 'pending', so several instances
 * can run this at once and each commission moves once. Returns how many orders' commissions moved:
 * an order another instance settled just before this one locked it is claimed, finds nothing
 * pending, and does not count.
 */
export async function settleCommissions(app: App, limit = 200): Promise<number> {
  let handled = 0;
  for (let claimed = 0; claimed < limit; claimed++) {
    const moved = await app.db.transaction(async (tx): Promise<number | null> => {
      const now = app.clock();
      const windowClosedBefore = new Date(now.getTime() - app.config.orders.returnWindowDays * 86_400_000);
      const [order] = await app.database.rows<{ id: string; status: string }>(
        tx,
        sql`select o.id, o.status from orders o
            where o.id in (select c.order_id from commissions c where c.status = 'pending')
              and (o.status in ('refunded', 'cancelled')
                   or (o.status = 'completed' and o.completed_at < ${windowClosedBefore.toISOString()}
                       and not exists (select 1 from after_sales a where a.order_id = o.id and a.status = 'requested')))
            limit 1
            for update of o skip locked`,
      );
      if (!order) return null;
      if (order.status !== 'completed') return reverseCommissions(tx, { orderId: order.id, now, everything: true });
      const settled = await tx
        .update(commissions)
        .set({ status: 'settled', settledAt: now })
        .where(and(eq(commissions.orderId, order.id), eq(commissions.status, 'pending')))
        .returning({ id: commissions.id, beneficiaryId: commissions.beneficiaryId, kept: sql<number>`${commissions.amount} - ${commissions.reversedAmount}` });
      const legs: Leg[] = settled.flatMap((c) => [
        { account: promoterAccount(c.beneficiaryId, 'commission_pending'), amount: -c.kept, commissionId: c.id },
        { account: promoterAccount(c.beneficiaryId, 'commission_available'), amount: c.kept, commissionId: c.id },
      ]);
      await post(tx, { kind: 'settled', legs, now });
      return settled.length;
    });
    if (moved === null) break;
    if (moved > 0) handled++;
  }
  return handled;
}
