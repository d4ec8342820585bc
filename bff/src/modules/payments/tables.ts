import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterSales, orders } from '../orders/tables';

/** One payment attempt per order; out_trade_no is the order number. */
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .unique()
      .references(() => orders.id),
    provider: text({ enum: ['sandbox', 'wechatpay'] }).notNull(),
    outTradeNo: text().notNull().unique(),
    prepayId: text().notNull(),
    amount: integer().notNull(),
    status: text({ enum: ['prepaid', 'succeeded', 'closed'] }).notNull(),
    transactionId: text().unique(),
    payerOpenid: text(),
    paidAt: timestamp({ withTimezone: true, precision: 3 }),
    prepaidAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('payments_awaiting_notify_idx').on(t.prepaidAt).where(sql`${t.status} = 'prepaid'`)],
);

/**
 * A refund is written first and sent to the provider after the transaction commits; a job retries
 * until the provider confirms, so a crash between the two never loses a refund.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    afterSaleId: uuid().references(() => afterSales.id),
    outRefundNo: text().notNull().unique(),
    providerRefundId: text(),
    amount: integer().notNull(),
    reason: text().notNull(),
    status: text({ enum: ['pending', 'processing', 'succeeded', 'failed'] }).notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    succeededAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId), index('refunds_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'processing')`)],
);

