import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const staffRoles = ['owner', 'operator', 'service', 'finance'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staff = pgTable('staff', {
  id: uuid().primaryKey().defaultRandom(),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  /** scrypt, self-describing: scrypt$N$r$p$salt$hash */
  passwordHash: text().notNull(),
  role: text({ enum: staffRoles }).notNull(),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * The audit log: every console change a staff member made or was refused, every sign-in attempt
 * and sign-out. Append-only. No foreign key to staff: an entry must be written whatever the token
 * names, and outlive any change to the account.
 */
export const staffActions = pgTable(
  'staff_actions',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** null when nobody was identified: a failed sign-in */
    staffId: uuid(),
    /** the account's username when known, else the one typed at sign-in */
    username: text(),
    /** the role the request acted in (the token's), null when nobody was identified */
    role: text({ enum: staffRoles }),
    method: text().notNull(),
    /** the route pattern, e.g. /api/console/products/:id/shelf */
    route: text().notNull(),
    /** the route's summary: what staff read as the action's name */
    action: text().notNull(),
    /** the record the route acted on (its :id, :userId or :productId) */
    targetId: text(),
    /** the request body with secrets masked, cut to a few KB */
    payload: jsonb(),
    statusCode: integer().notNull(),
    errorCode: text(),
    ip: text().notNull(),
    requestId: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()), index().on(t.staffId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())],
);
