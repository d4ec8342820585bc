import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { LedgerAccountKind } from '@linli/shared/schemas/promoters';
import type { Executor } from '../../db/client';
import { ledgerAccounts, type promoterAccountKinds } from './tables';

type PromoterAccountKind = (typeof promoterAccountKinds)[number];
type ShopAccountKind = Exclude<LedgerAccountKind, PromoterAccountKind>;

/** Names an account: a promoter's (user + kind) or the shop's (kind alone). */
export type AccountRef = { userId: string; kind: PromoterAccountKind } | { userId: null; kind: ShopAccountKind };

export const promoterAccount = (userId: string, kind: PromoterAccountKind): AccountRef => ({ userId, kind });
export const shopAccount = (kind: ShopAccountKind): AccountRef => ({ userId: null, kind });

export const accountKey = (ref: AccountRef) => `${ref.userId ?? 'shop'}:${ref.kind}`;

export interface LockedAccount {
  id: string;
  balance: number;
}

/**
 * Opens the accounts that do not exist yet and locks all of them FOR UPDATE in id order, the one
 * order every transaction uses, so two postings over the same accounts queue instead of deadlocking.
 * Lock everything a transaction will post to in one call, before reading balances to decide.
 */
export async function lockAccounts(tx: Executor, refs: readonly AccountRef[]): Promise<Map<string, LockedAccount>> {
  const unique = [...new Map(refs.map((r) => [accountKey(r), r])).values()].sort((a, b) => accountKey(a).localeCompare(accountKey(b)));
  if (unique.length === 0) return new Map();
  await tx
    .insert(ledgerAccounts)
    .values(unique.map((r) => ({ userId: r.userId, kind: r.kind })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: ledgerAccounts.id, userId: ledgerAccounts.userId, kind: ledgerAccounts.kind, balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(or(...unique.map((r) => and(r.userId === null ? isNull(ledgerAccounts.userId) : eq(ledgerAccounts.userId, r.userId), eq(ledgerAccounts.kind, r.kind)))))
    .orderBy(asc(ledgerAccounts.id))
    .for('update');
  return new Map(rows.map((row) => [accountKey({ userId: row.userId, kind: row.kind } as AccountRef), { id: row.id, balance: row.balance }]));
}
