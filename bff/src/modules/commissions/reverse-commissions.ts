import { and, eq, sql } from 'drizzle-orm';
import { commissionRemaining } from '@linli/shared/commissions/rules';
import type { Executor } from '../../db/client';
import { promoterAccount, shopAccount } from '../ledger/accounts';
import { post, type Leg } from '../ledger/post';
import { orderLines, orders } from '../orders/tables';
import { commissions } from './tables';

/**
 * Takes back what refunds took away, in the transaction that commits the refund. Cumulative: each
 * pending commission keeps floor(amount × unrefunded / paid) of its line, or nothing once the whole
 * order is refunded (a whole-order refund does not touch the line amounts) or `everything` is asked. Settled commissions are
 * final: no refund can be asked for after the after-sales window that settlement waits for.
 */
export async function reverseCommissions(tx: Executor, input: { orderId: string; now: Date; everything?: boolean }): Promise<number> {
  const [order] = await tx.select({ payable: orders.payable, refundedAmount: orders.refundedAmount }).from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw new Error(`order ${input.orderId} not found`);
  const nothingKept = input.everything === true || order.refundedAmount >= order.payable;
  const pending = await tx
    .select({
      id: commissions.id,
      beneficiaryId: commissions.beneficiaryId,
      amount: commissions.amount,
      reversedAmount: commissions.reversedAmount,
      linePayable: orderLines.payable,
      lineRefunded: orderLines.refundedAmount,
    })
    .from(commissions)
    .innerJoin(orderLines, eq(orderLines.id, commissions.orderLineId))
    .where(and(eq(commissions.orderId, input.orderId), eq(commissions.status, 'pending')))
    .orderBy(commissions.id)
    .for('update', { of: commissions });

  const legs: Leg[] = [];
  for (const c of pending) {
    const remaining = nothingKept ? 0 : commissionRemaining(c.amount, { payable: c.linePayable, refundedAmount: c.lineRefunded });
    const taken = c.amount - c.reversedAmount - remaining;
    if (taken <= 0) continue;
    await tx
      .update(commissions)
      .set({ reversedAmount: sql`${commissions.reversedAmount} + ${taken}`, status: remaining === 0 ? 'reversed' : 'pending' })
      .where(eq(commissions.id, c.id));
    legs.push(
      { account: promoterAccount(c.beneficiaryId, 'commission_pending'), amount: -taken, commissionId: c.id },
      { account: shopAccount('shop_commission_expense'), amount: taken, commissionId: c.id },
    );
  }
  await post(tx, { kind: 'reversed', legs, now: input.now });
  return legs.length / 2;
}
