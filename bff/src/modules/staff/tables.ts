import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
