import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EventName } from '@linli/shared/schemas/analytics';

/**
 * What happened in the shop, for the dashboard: reported by the mini-program (source 'client') or
 * written by the BFF in the same transaction as the change it describes (source 'server'). No foreign
 * keys on purpose: a client may name a product that was since deleted, and analytics must never block
 * the deletion of a shopper's data. Client events are purged after EVENT_RETENTION_DAYS.
 */
export const analyticsEvents = pgTable(
  'analytics_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    name: text().$type<EventName>().notNull(),
    source: text({ enum: ['client', 'server'] }).notNull(),
    userId: uuid(),
    /** the device's anonymous id; only client events have one */
    visitorId: text(),
    productId: uuid(),
    groupId: uuid(),
    shareId: text(),
    orderId: uuid(),
    amount: integer(),
    props: jsonb().$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    receivedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.name, t.occurredAt),
    // visitors per day and the retention purge both read client events by time
    index('analytics_events_client_time_idx').on(t.occurredAt).where(sql`${t.source} = 'client'`),
    // top promoters count shares and opens per share id
    index().on(t.shareId, t.name).where(sql`${t.shareId} is not null`),
  ],
);
