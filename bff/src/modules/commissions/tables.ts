import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { commissionStatuses, promoterModes, promoterStatuses } from '@linli/shared/schemas/promoters';
import { products } from '../catalog/tables';
import { orderLines, orders } from '../orders/tables';
import { staff } from '../staff/tables';
import { users } from '../users/tables';

/** The shop's referral settings: exactly one row (id 1), created by the migration with these defaults. */
export const referralSettings = pgTable(
  'referral_settings',
  {
    id: integer().primaryKey().default(1),
    promoterMode: text({ enum: promoterModes }).notNull().default('everyone'),
    level1RateBp: integer().notNull().default(1000),
    level2Enabled: boolean().notNull().default(false),
    level2RateBp: integer().notNull().default(300),
    /** fen: ¥10.00 */
    minimumWithdrawal: integer().notNull().default(1000),
    updatedBy: uuid().references(() => staff.id),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check('referral_settings_single_row', sql`${t.id} = 1`),
    check('referral_settings_rates', sql`${t.level1RateBp} between 0 and 10000 and ${t.level2RateBp} between 0 and 10000`),
    check('referral_settings_minimum', sql`${t.minimumWithdrawal} > 0`),
  ],
);

/** A product's own commission rates, overriding the shop default for both levels. */
export const productCommissionRates = pgTable(
  'product_commission_rates',
  {
    productId: uuid()
      .primaryKey()
      .references(() => products.id),
    level1Bp: integer().notNull(),
    level2Bp: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [check('product_commission_rates_range', sql`${t.level1Bp} between 0 and 10000 and ${t.level2Bp} between 0 and 10000`)],
);

/** Applications and the shop's decisions (they matter in 'approved' mode). */
export const promoters = pgTable(
  'promoters',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id),
    status: text({ enum: promoterStatuses }).notNull(),
    appliedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    decidedBy: uuid().references(() => staff.id),
    decidedAt: timestamp({ withTimezone: true, precision: 3 }),
    note: text().notNull().default(''),
  },
  (t) => [index().on(t.status, t.appliedAt.desc().nullsFirst())],
);

/**
 * What one promoter earns on one order line at one level. Unique per (line, level), so a payment
 * applied twice can never count a commission twice. `reversedAmount` grows as the line is refunded;
 * what is left (amount − reversedAmount) is what settles.
 */
export const commissions = pgTable(
  'commissions',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    orderLineId: uuid()
      .notNull()
      .references(() => orderLines.id),
    beneficiaryId: uuid()
      .notNull()
      .references(() => users.id),
    buyerId: uuid()
      .notNull()
      .references(() => users.id),
    level: smallint().notNull(),
    rateBp: integer().notNull(),
    amount: integer().notNull(),
    reversedAmount: integer().notNull().default(0),
    status: text({ enum: commissionStatuses }).notNull().default('pending'),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    settledAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    unique('commissions_line_level').on(t.orderLineId, t.level),
    index().on(t.orderId),
    index().on(t.beneficiaryId, t.createdAt.desc().nullsFirst()),
    index('commissions_pending_idx').on(t.orderId).where(sql`${t.status} = 'pending'`),
    check('commissions_level', sql`${t.level} in (1, 2)`),
    check('commissions_not_own_purchase', sql`${t.beneficiaryId} <> ${t.buyerId}`),
    check('commissions_amounts', sql`${t.amount} > 0 and ${t.reversedAmount} between 0 and ${t.amount}`),
    check('commissions_reversed_means_nothing_left', sql`(${t.status} = 'reversed') = (${t.reversedAmount} = ${t.amount})`),
  ],
);
