import { eq } from 'drizzle-orm';
import type { App } from '../../app';
import type { Executor } from '../../db/client';
import { AppError, notFound } from '../../plugins/errors';
import { promoterAccount } from '../ledger/accounts';
import { post } from '../ledger/post';
import { moveWithdrawal } from './move-withdrawal';
import { withdrawals } from './tables';

export type WithdrawalDecision = 'approve' | 'reject';

/**
 * Finance decides a requested withdrawal. Approving makes it due for the payout job; rejecting gives
 * the money back to the promoter's available balance. Two decisions at once move it once (the update
 * is guarded by its status); the other gets 409.
 */
export async function decideWithdrawal(app: App, input: { id: string; decision: WithdrawalDecision; staffId: string; note: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const now = app.clock();
    const decided = { decidedBy: input.staffId, decidedAt: now, decisionNote: input.note };
    const moved = await moveWithdrawal(tx, {
      id: input.id,
      action: input.decision,
      actor: { kind: 'staff', id: input.staffId },
      now,
      note: input.note,
      set: input.decision === 'approve' ? { ...decided, nextAttemptAt: now } : decided,
    });
    if (!moved) return throwWhyNotRequested(tx, input.id);
    if (input.decision === 'reject') await returnToAvailable(tx, moved, now);
  });
}

/** A withdrawal that will not be paid gives its money back: in flight → available. */
export async function returnToAvailable(tx: Executor, withdrawal: { id: string; userId: string; amount: number }, now: Date): Promise<void> {
  await post(tx, {
    kind: 'withdrawal_returned',
    legs: [
      { account: promoterAccount(withdrawal.userId, 'withdrawal_in_flight'), amount: -withdrawal.amount, withdrawalId: withdrawal.id },
      { account: promoterAccount(withdrawal.userId, 'commission_available'), amount: withdrawal.amount, withdrawalId: withdrawal.id },
    ],
    now,
  });
}

async function throwWhyNotRequested(tx: Executor, id: string): Promise<never> {
  const [exists] = await tx.select({ id: withdrawals.id }).from(withdrawals).where(eq(withdrawals.id, id));
  throw exists ? new AppError(409, 'WITHDRAWAL_DECIDED', '该提现申请已处理') : notFound('提现申请');
}
