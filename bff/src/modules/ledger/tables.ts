import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { ledgerAccountKinds, ledgerEntryKinds } from '@linli/shared/schemas/promoters';
import { commissions } from '../commissions/tables';
import { users } from '../users/tables';
import { withdrawals } from '../withdrawals/tables';

/** Accounts that belong to a promoter; the others are the shop's own (no user). */
export const promoterAccountKinds = ['commission_pending', 'commission_available', 'withdrawal_in_flight', 'withdrawn'] as const;

/**
 * One account per (promoter, kind), and one per shop kind (user null: NULLS NOT DISTINCT makes that
 * unique too). A promoter account's `balance` caches the sum of its entries, updated by `post` in the
 * same transaction as the entries, and can never go below zero. The shop's accounts cache nothing
 * (balance null, the sum of entries when asked): every paid order posts to the shop's expense, and a
 * cached balance there would make all payments in the shop queue on one row.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id),
    kind: text({ enum: ledgerAccountKinds }).notNull(),
    balance: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    unique('ledger_accounts_owner_kind').on(t.userId, t.kind).nullsNotDistinct(),
    check('ledger_accounts_owner', sql`(${t.userId} is not null) = (${t.kind} in (${sql.raw(promoterAccountKinds.map((k) => `'${k}'`).join(', '))}))`),
    check('ledger_accounts_promoter_balance', sql`(${t.userId} is null and ${t.balance} is null) or ${t.balance} >= 0`),
  ],
);

/**
 * Double entry: every business event writes entries (one `transactionId`) whose amounts sum to zero,
 * so money only ever moves between accounts. Entries are never updated or deleted.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    transactionId: uuid().notNull(),
    accountId: uuid()
      .notNull()
      .references(() => ledgerAccounts.id),
    amount: integer().notNull(),
    kind: text({ enum: ledgerEntryKinds }).notNull(),
    commissionId: uuid().references(() => commissions.id),
    withdrawalId: uuid().references(() => withdrawals.id),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.accountId, t.createdAt.desc().nullsFirst()),
    index().on(t.transactionId),
    index().on(t.commissionId),
    index().on(t.withdrawalId),
    check('ledger_entries_amount_not_zero', sql`${t.amount} <> 0`),
    check('ledger_entries_one_reference', sql`(${t.commissionId} is null) <> (${t.withdrawalId} is null)`),
  ],
);
