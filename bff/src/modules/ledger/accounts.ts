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
  /** null for the shop's accounts, which are not locked and cache no balance */
  balance: number | null;
}

/**
 * Opens the accounts that do not exist yet and locks the promoters' ones FOR UPDATE in id order, the
 * one order every transaction uses, so two postings over the same accounts queue instead of
 * deadlocking. The shop's accounts are only looked up: they cache no balance, so there is nothing to
 * protect, and locking them would queue every payment in the shop behind one row. Lock everything a
 * transaction will post to in one call, before reading balances to decide.
 */
export async function lockAccounts(tx: Executor, refs: readonly AccountRef[]): Promise<Map<string, LockedAccount>> {
  const unique = [...new Map(refs.map((r) => [accountKey(r), r])).values()];
  if (unique.length === 0) return new Map();
  await tx
    .insert(ledgerAccounts)
    .values(unique.map((r) => ({ userId: r.userId, kind: r.kind, balance: r.userId === null ? null : 0 })))
    .onConflictDoNothing();
  const matching = (list: AccountRef[]) =>
    or(...list.map((r) => and(r.userId === null ? isNull(ledgerAccounts.userId) : eq(ledgerAccounts.userId, r.userId), eq(ledgerAccounts.kind, r.kind))));
  const columns = { id: ledgerAccounts.id, userId: ledgerAccounts.userId, kind: ledgerAccounts.kind, balance: ledgerAccounts.balance };
  const promoters = unique.filter((r) => r.userId !== null);
  const shop = unique.filter((r) => r.userId === null);
  const rows = [
    ...(promoters.length > 0 ? await tx.select(columns).from(ledgerAccounts).where(matching(promoters)).orderBy(asc(ledgerAccounts.id)).for('update') : []),
    ...(shop.length > 0 ? await tx.select(columns).from(ledgerAccounts).where(matching(shop)) : []),
  ];
  return new Map(rows.map((row) => [accountKey({ userId: row.userId, kind: row.kind } as AccountRef), { id: row.id, balance: row.balance }]));
}
