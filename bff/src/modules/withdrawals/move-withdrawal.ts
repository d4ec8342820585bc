import { and, eq } from 'drizzle-orm';
import type { WithdrawalStatus } from '@linli/shared/schemas/withdrawals';
import type { Executor } from '../../db/client';
import { withdrawalEvents, withdrawals } from './tables';

export interface WithdrawalActor {
  kind: 'shopper' | 'staff' | 'system' | 'provider';
  id: string | null;
}

/** Every way a withdrawal may change state. Nothing moves one except through moveWithdrawal. */
export const withdrawalTransitions = {
  approve: { from: 'requested', to: 'approved' },
  reject: { from: 'requested', to: 'rejected' },
  startPaying: { from: 'approved', to: 'paying' },
  pay: { from: 'paying', to: 'paid' },
  fail: { from: 'paying', to: 'failed' },
  /** WeChat refused the transfer outright: no bill was created */
  refuse: { from: 'approved', to: 'failed' },
} as const satisfies Record<string, { from: WithdrawalStatus; to: WithdrawalStatus }>;

export type WithdrawalAction = keyof typeof withdrawalTransitions;
type WithdrawalChanges = Partial<Omit<typeof withdrawals.$inferInsert, 'id' | 'userId' | 'amount' | 'status' | 'outBillNo'>>;

/**
 * Moves a withdrawal by one transition, guarded in the database (the UPDATE matches only in the
 * source state, so two racing callers cannot both move it), and writes the audit event in the same
 * transaction. Returns the moved row, or null when it was not in the source state.
 */
export async function moveWithdrawal(
  tx: Executor,
  input: { id: string; action: WithdrawalAction; actor: WithdrawalActor; now: Date; note?: string; set?: WithdrawalChanges },
): Promise<typeof withdrawals.$inferSelect | null> {
  const t = withdrawalTransitions[input.action];
  const [moved] = await tx
    .update(withdrawals)
    .set({ ...input.set, status: t.to, updatedAt: input.now })
    .where(and(eq(withdrawals.id, input.id), eq(withdrawals.status, t.from)))
    .returning();
  if (!moved) return null;
  await tx.insert(withdrawalEvents).values({
    withdrawalId: input.id,
    fromStatus: t.from,
    toStatus: t.to,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    note: input.note ?? '',
    createdAt: input.now,
  });
  return moved;
}
