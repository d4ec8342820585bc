import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/tables';

import { couponKinds, couponScopeKinds, couponSources, userCouponStatuses } from '@linli/shared/schemas/coupons';

/**
 * What a coupon is: its rule (满减 / 折扣 / 包邮), scope, validity, stock and limits. Shoppers hold
 * user_coupons issued from a template; the pricing rule itself lives in shared/pricing.
 */
export const couponTemplates = pgTable(
  'coupon_templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    kind: text({ enum: couponKinds }).notNull(),
    /** the eligible amount needed, in fen; 0 = no threshold */
    threshold: integer().notNull().default(0),
    amountOff: integer(),
    percentOff: integer(),
    /** percent_off only: the most it takes off, in fen; null = no cap */
    cap: integer(),
    scopeKind: text({ enum: couponScopeKinds }).notNull().default('all'),
    scopeIds: jsonb().$type<string[]>().notNull().default([]),
    stacksWithGroupPrice: boolean().notNull().default(false),
    /** fixed window (validFrom..validUntil) or N days from the moment it is issued */
    validFrom: timestamp({ withTimezone: true, precision: 3 }),
    validUntil: timestamp({ withTimezone: true, precision: 3 }),
    validDays: integer(),
    /** null = unlimited */
    totalStock: integer(),
    issuedCount: integer().notNull().default(0),
    perUserLimit: integer().notNull().default(1),
    /** listed in the claim centre */
    claimable: boolean().notNull().default(true),
    /** given to every new shopper at first login */
    newUserGift: boolean().notNull().default(false),
    /** given to the inviter when someone they brought in pays for a first order */
    referralReward: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // The stock limit is enforced by the database: no claim path can issue past it.
    check('coupon_templates_within_stock', sql`${t.totalStock} is null or ${t.issuedCount} <= ${t.totalStock}`),
    check(
      'coupon_templates_rule',
      sql`(${t.kind} = 'amount_off' and ${t.amountOff} > 0) or (${t.kind} = 'percent_off' and ${t.percentOff} between 1 and 99) or ${t.kind} = 'free_shipping'`,
    ),
    check('coupon_templates_validity', sql`(${t.validDays} is not null and ${t.validDays} > 0) or (${t.validFrom} is not null and ${t.validUntil} > ${t.validFrom})`),
    check('coupon_templates_per_user_limit', sql`${t.perUserLimit} >= 1`),
  ],
);

export const userCoupons = pgTable(
  'user_coupons',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    templateId: uuid()
      .notNull()
      .references(() => couponTemplates.id),
    status: text({ enum: userCouponStatuses }).notNull().default('available'),
    source: text({ enum: couponSources }).notNull(),
    validFrom: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    validUntil: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** the order holding it (locked) or that used it */
    orderId: uuid(),
    issuedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    index().on(t.userId, t.status),
    index().on(t.templateId, t.userId),
    index('user_coupons_expiry_idx').on(t.validUntil).where(sql`${t.status} = 'available'`),
    check('user_coupons_order_when_held', sql`(${t.status} in ('locked', 'used')) = (${t.orderId} is not null)`),
  ],
);
