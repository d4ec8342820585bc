import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  /** WeChat identity within our appid; null only for h5 dev-login users */
  openid: text().unique(),
  unionid: text(),
  /** dev-login identity, set only when DEV_LOGIN is on */
  devLogin: text().unique(),
  phone: text(),
  nickname: text().notNull().default(''),
  avatarUrl: text().notNull().default(''),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * Refresh tokens rotate: each use spends the row and mints a successor in the same family.
 * Presenting a spent token again means it was stolen or replayed, so the whole family is revoked.
 * Shared by shoppers and staff (subjectKind) so the rotation rule lives in one place.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    familyId: uuid().notNull(),
    subjectKind: text({ enum: ['shopper', 'staff'] }).notNull(),
    subjectId: uuid().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    spentAt: timestamp({ withTimezone: true, precision: 3 }),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.familyId), index().on(t.subjectKind, t.subjectId).where(sql`${t.revokedAt} is null`)],
);
