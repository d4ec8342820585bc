import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { withdrawalActorKinds, withdrawalStatuses } from '@linli/shared/schemas/withdrawals';
import { staff } from '../staff/tables';
import { users } from '../users/tables';

/**
 * A promoter asks for settled commission to be paid to their WeChat wallet. The money moves to the
 * in-flight account when asked; finance approves; the payout job transfers it (idempotent by
 * out_bill_no) and asks after it until WeChat says it succeeded or failed.
 */
export const withdrawals = pgTable(
  'withdrawals',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    amount: integer().notNull(),
    status: text({ enum: withdrawalStatuses }).notNull(),
    /** sent to WeChat as out_bill_no: ≤ 32 letters and digits */
    outBillNo: text().notNull().unique(),
    idempotencyKey: text(),
    transferBillNo: text(),
    transferState: text(),
    packageInfo: text(),
    failReason: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true, precision: 3 }),
    decidedBy: uuid().references(() => staff.id),
    decidedAt: timestamp({ withTimezone: true, precision: 3 }),
    decisionNote: text().notNull().default(''),
    paidAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    unique('withdrawals_user_idempotency_key').on(t.userId, t.idempotencyKey),
    index().on(t.userId, t.createdAt.desc().nullsFirst()),
    index().on(t.status, t.createdAt.desc().nullsFirst()),
    index('withdrawals_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('approved', 'paying')`),
    check('withdrawals_amount', sql`${t.amount} > 0`),
    check('withdrawals_out_bill_no', sql`${t.outBillNo} ~ '^[A-Za-z0-9]{1,32}$'`),
  ],
);

/** Every step of every withdrawal: who moved it, from what, to what, when. */
export const withdrawalEvents = pgTable(
  'withdrawal_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    withdrawalId: uuid()
      .notNull()
      .references(() => withdrawals.id),
    fromStatus: text({ enum: withdrawalStatuses }),
    toStatus: text({ enum: withdrawalStatuses }).notNull(),
    actorKind: text({ enum: withdrawalActorKinds }).notNull(),
    actorId: text(),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.withdrawalId, t.id)],
);
