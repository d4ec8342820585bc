import { and, desc, eq, inArray } from 'drizzle-orm';
import type { LedgerEntry, PromoterBalances } from '@linli/shared/schemas/promoters';
import type { Executor } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { ledgerAccounts, ledgerEntries } from './tables';

const noMoney: PromoterBalances = { pending: 0, available: 0, inFlight: 0, withdrawn: 0 };
const field = { commission_pending: 'pending', commission_available: 'available', withdrawal_in_flight: 'inFlight', withdrawn: 'withdrawn' } as const;

/** Promoters' four balances each; an account never opened holds nothing. */
export async function balancesOf(db: Executor, userIds: readonly string[]): Promise<Map<string, PromoterBalances>> {
  const result = new Map(userIds.map((id) => [id, { ...noMoney }]));
  if (userIds.length === 0) return result;
  const rows = await db
    .select({ userId: ledgerAccounts.userId, kind: ledgerAccounts.kind, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.userId, [...userIds]));
  for (const row of rows) {
    const balances = row.userId ? result.get(row.userId) : undefined;
    if (balances && row.kind in field) balances[field[row.kind as keyof typeof field]] = row.balance ?? 0;
  }
  return result;
}

export async function promoterBalances(db: Executor, userId: string): Promise<PromoterBalances> {
  return (await balancesOf(db, [userId])).get(userId) ?? { ...noMoney };
}

/** Entries on a promoter's accounts, latest first. */
export async function promoterLedger(db: Executor, query: { userId: string; cursor?: string; limit: number }): Promise<{ items: LedgerEntry[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({
      id: ledgerEntries.id,
      transactionId: ledgerEntries.transactionId,
      account: ledgerAccounts.kind,
      kind: ledgerEntries.kind,
      amount: ledgerEntries.amount,
      commissionId: ledgerEntries.commissionId,
      withdrawalId: ledgerEntries.withdrawalId,
      createdAt: ledgerEntries.createdAt,
      createdMicros: createdMicrosOf(ledgerEntries.createdAt),
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .where(and(eq(ledgerAccounts.userId, query.userId), after ? afterCursor(ledgerEntries.createdAt, ledgerEntries.id, after) : undefined))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.createdMicros, id: last.id }));
  return {
    items: page.map(({ createdMicros: _, createdAt, ...entry }) => ({ ...entry, createdAt: createdAt.toISOString() })),
    nextCursor,
  };
}
