import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { LedgerEntryKind } from '@linli/shared/schemas/promoters';
import type { Executor } from '../../db/client';
import { accountKey, lockAccounts, type AccountRef } from './accounts';
import { ledgerAccounts, ledgerEntries } from './tables';

export interface Leg {
  account: AccountRef;
  /** signed fen: positive adds to the account */
  amount: number;
  /** what the leg is about: exactly one of them */
  commissionId?: string;
  withdrawalId?: string;
}

/**
 * The only way money moves in the ledger: the legs of one business event, written together under
 * one transaction id, after checking they sum to zero. The promoters' accounts are locked in id order
 * and their cached balances updated in the caller's transaction, so a balance is always the sum of its
 * entries (the shop's accounts cache none).
 * A promoter account that would go below zero is refused by the database.
 */
export async function post(tx: Executor, input: { kind: LedgerEntryKind; legs: readonly Leg[]; now: Date }): Promise<string | null> {
  const legs = input.legs.filter((l) => l.amount !== 0);
  if (legs.some((l) => !Number.isSafeInteger(l.amount))) throw new Error('ledger amounts are whole fen');
  if (legs.reduce((sum, l) => sum + l.amount, 0) !== 0) throw new Error(`unbalanced ${input.kind} posting`);
  if (legs.length === 0) return null;

  const accounts = await lockAccounts(tx, legs.map((l) => l.account));
  const transactionId = randomUUID();
  const deltas = new Map<string, number>();
  const rows = legs.map((leg) => {
    const account = accounts.get(accountKey(leg.account));
    if (!account) throw new Error(`ledger account ${accountKey(leg.account)} was not opened`);
    if (account.balance !== null) deltas.set(account.id, (deltas.get(account.id) ?? 0) + leg.amount);
    return {
      transactionId,
      accountId: account.id,
      amount: leg.amount,
      kind: input.kind,
      commissionId: leg.commissionId ?? null,
      withdrawalId: leg.withdrawalId ?? null,
      createdAt: input.now,
    };
  });
  await tx.insert(ledgerEntries).values(rows);
  for (const [accountId, delta] of deltas) {
    if (delta !== 0) await tx.update(ledgerAccounts).set({ balance: sql`${ledgerAccounts.balance} + ${delta}` }).where(eq(ledgerAccounts.id, accountId));
  }
  return transactionId;
}
