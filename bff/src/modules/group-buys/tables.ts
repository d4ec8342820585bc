import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { groupStatuses, seatStatuses } from '@linli/shared/schemas/group-buys';
import { products, skus } from '../catalog/tables';
import { orders } from '../orders/tables';
import { users } from '../users/tables';

/** A group-buy campaign (拼团活动) on one product's SKUs. */
export const groupCampaigns = pgTable(
  'group_campaigns',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    title: text().notNull(),
    groupSize: integer().notNull(),
    /** how long a group stays open after its leader pays */
    timeLimitMinutes: integer().notNull(),
    startsAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** group orders one shopper may place in this campaign */
    perUserLimit: integer().notNull().default(1),
    /** only shoppers who have never paid for an order may join (the leader may be anyone) */
    newUsersOnly: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check('group_campaigns_size', sql`${t.groupSize} between 2 and 20`),
    check('group_campaigns_time_limit', sql`${t.timeLimitMinutes} between 5 and 10080`),
    check('group_campaigns_window', sql`${t.endsAt} > ${t.startsAt}`),
    index().on(t.productId),
  ],
);

/** The group price of each SKU in a campaign, and an optional lower price for the leader (团长价). */
export const groupCampaignSkus = pgTable(
  'group_campaign_skus',
  {
    campaignId: uuid()
      .notNull()
      .references(() => groupCampaigns.id),
    skuId: uuid()
      .notNull()
      .references(() => skus.id),
    groupPrice: integer().notNull(),
    leaderPrice: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.skuId] }),
    check('group_campaign_skus_prices', sql`${t.groupPrice} > 0 and (${t.leaderPrice} is null or ${t.leaderPrice} between 1 and ${t.groupPrice})`),
  ],
);

/**
 * One group (团). `seatsTaken` counts reserved and paid seats; the CHECK and the conditional increment
 * are what make "no group over N" hold when the last seats are raced for.
 */
export const groups = pgTable(
  'groups',
  {
    id: uuid().primaryKey().defaultRandom(),
    campaignId: uuid()
      .notNull()
      .references(() => groupCampaigns.id),
    leaderId: uuid()
      .notNull()
      .references(() => users.id),
    status: text({ enum: groupStatuses }).notNull(),
    size: integer().notNull(),
    seatsTaken: integer().notNull().default(0),
    seatsPaid: integer().notNull().default(0),
    /** set when the leader pays: opened_at + the campaign's time limit */
    expiresAt: timestamp({ withTimezone: true, precision: 3 }),
    openedAt: timestamp({ withTimezone: true, precision: 3 }),
    closedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    check('groups_seats', sql`${t.seatsPaid} between 0 and ${t.seatsTaken} and ${t.seatsTaken} between 0 and ${t.size}`),
    index('groups_open_by_campaign_idx').on(t.campaignId, t.expiresAt).where(sql`${t.status} = 'open'`),
    index('groups_open_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'open'`),
  ],
);

/** A shopper's place in a group, held by one order. */
export const groupSeats = pgTable(
  'group_seats',
  {
    id: uuid().primaryKey().defaultRandom(),
    groupId: uuid()
      .notNull()
      .references(() => groups.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    orderId: uuid()
      .notNull()
      .unique()
      .references(() => orders.id),
    isLeader: boolean().notNull().default(false),
    status: text({ enum: seatStatuses }).notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // Nobody holds two live seats in one group: joining twice is refused by the database itself.
    uniqueIndex('group_seats_one_live_seat_per_user').on(t.groupId, t.userId).where(sql`${t.status} in ('reserved', 'paid')`),
  ],
);
