import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orderStatuses, afterSaleStatuses, type ShippingAddress } from '@linli/shared/schemas/order';
import { products, skus } from '../catalog/tables';
import { userCoupons } from '../coupons/tables';
import { shares } from '../referrals/tables';
import { users } from '../users/tables';

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** shown to shoppers and sent to the payment provider as out_trade_no (≤ 32 chars) */
    orderNo: text().notNull().unique(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    status: text({ enum: orderStatuses }).notNull(),
    itemsTotal: integer().notNull(),
    groupDiscount: integer().notNull().default(0),
    couponDiscount: integer().notNull().default(0),
    shippingFee: integer().notNull(),
    shippingDiscount: integer().notNull().default(0),
    payable: integer().notNull(),
    refundedAmount: integer().notNull().default(0),
    /** the shopper's coupon applied to this order (locked while unpaid, used once paid) */
    userCouponId: uuid().references(() => userCoupons.id),
    /** the share (minted by the BFF) the shopper arrived through: attribution for commissions */
    shareId: text().references(() => shares.id),
    address: jsonb().$type<ShippingAddress>().notNull(),
    remark: text().notNull().default(''),
    /** the client's Idempotency-Key and a hash of the request it came with */
    idempotencyKey: text().notNull(),
    requestHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    paidAt: timestamp({ withTimezone: true, precision: 3 }),
    shippedAt: timestamp({ withTimezone: true, precision: 3 }),
    carrier: text(),
    trackingNo: text(),
    completedAt: timestamp({ withTimezone: true, precision: 3 }),
    cancelledAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    unique('orders_user_idempotency_key').on(t.userId, t.idempotencyKey),
    index().on(t.userId, t.createdAt.desc().nullsFirst()),
    index('orders_pending_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'pending_payment'`),
    index('orders_shipped_idx').on(t.shippedAt).where(sql`${t.status} = 'shipped'`),
    index().on(t.status, t.createdAt.desc().nullsFirst()),
    // The console's 全部 tab, its date filter and the CSV export walk every order newest first.
    index('orders_created_at_id_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check('orders_money_consistent', sql`${t.payable} = ${t.itemsTotal} - ${t.groupDiscount} - ${t.couponDiscount} + ${t.shippingFee} - ${t.shippingDiscount}`),
    check('orders_refund_within_paid', sql`${t.refundedAmount} between 0 and ${t.payable}`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    skuId: uuid()
      .notNull()
      .references(() => skus.id),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    /** snapshot at purchase time: later catalog edits do not rewrite history */
    title: text().notNull(),
    specText: text().notNull(),
    image: text().notNull(),
    unitPrice: integer().notNull(),
    chargedUnitPrice: integer().notNull(),
    quantity: integer().notNull(),
    groupDiscount: integer().notNull().default(0),
    couponDiscount: integer().notNull().default(0),
    /** what the shopper actually paid for this line; refunds and commissions are computed from it */
    payable: integer().notNull(),
    refundedQuantity: integer().notNull().default(0),
    refundedAmount: integer().notNull().default(0),
  },
  (t) => [
    index().on(t.orderId),
    check('order_lines_refund_within_line', sql`${t.refundedQuantity} between 0 and ${t.quantity} and ${t.refundedAmount} between 0 and ${t.payable}`),
  ],
);

/** Every state change of every order: who moved it, from what, to what, when. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    fromStatus: text({ enum: orderStatuses }),
    toStatus: text({ enum: orderStatuses }).notNull(),
    action: text().notNull(),
    actorKind: text({ enum: ['shopper', 'staff', 'system', 'provider'] }).notNull(),
    actorId: text(),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.orderId, t.id)],
);

export interface AfterSaleLine {
  orderLineId: string;
  quantity: number;
  amount: number;
}

export const afterSales = pgTable(
  'after_sales',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    status: text({ enum: afterSaleStatuses }).notNull(),
    lines: jsonb().$type<AfterSaleLine[]>().notNull(),
    amount: integer().notNull(),
    reason: text().notNull(),
    decisionNote: text().notNull().default(''),
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.orderId),
    // One open request per order keeps refund arithmetic simple and reviewable.
    uniqueIndex('after_sales_one_open_per_order').on(t.orderId).where(sql`${t.status} = 'requested'`),
  ],
);
