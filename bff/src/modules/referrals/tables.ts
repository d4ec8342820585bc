import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { shareChannels, shareKinds } from '@linli/shared/schemas/referrals';
import { users } from '../users/tables';

/**
 * A shopper's place in the referral tree: their invite code and who brought them in. The inviter is
 * set once (first touch wins) by a guarded update, never changed afterwards.
 */
export const referralProfiles = pgTable(
  'referral_profiles',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id),
    inviteCode: text().notNull().unique(),
    inviterId: uuid().references(() => users.id),
    boundAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.inviterId, t.boundAt),
    check('referral_profiles_code', sql`${t.inviteCode} ~ '^[2-9A-HJKMNP-Z]{1,8}$'`),
    check('referral_profiles_not_self', sql`${t.inviterId} is null or ${t.inviterId} <> ${t.userId}`),
    check('referral_profiles_bound_with_inviter', sql`(${t.inviterId} is null) = (${t.boundAt} is null)`),
  ],
);

/** One act of sharing. Its id travels in the share path instead of a user id, so it cannot be forged. */
export const shares = pgTable(
  'shares',
  {
    id: text().primaryKey(),
    sharerId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text({ enum: shareKinds }).notNull(),
    targetId: uuid(),
    channel: text({ enum: shareChannels }).notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.sharerId, t.createdAt),
    // A timeline post opens the page itself with the sharer's invite code, not a share id: one share
    // stands for all of a sharer's posts of one target, minted when it is first opened.
    uniqueIndex('shares_timeline_once').on(t.sharerId, t.kind, t.targetId).where(sql`channel = 'timeline'`),
    check('shares_id_length', sql`char_length(${t.id}) between 10 and 16`),
    check('shares_target', sql`(${t.kind} = 'invite') = (${t.targetId} is null)`),
  ],
);

/** Someone opened a share; viewer is null when they were not signed in. */
export const shareOpens = pgTable(
  'share_opens',
  {
    id: uuid().primaryKey().defaultRandom(),
    shareId: text()
      .notNull()
      .references(() => shares.id),
    viewerId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.shareId, t.createdAt)],
);

/**
 * The inviter's reward for a shopper they brought in, given once per invitee: the primary key is
 * what makes two first orders paid at the same moment reward once.
 */
export const referralRewards = pgTable('referral_rewards', {
  inviteeId: uuid()
    .primaryKey()
    .references(() => users.id),
  inviterId: uuid()
    .notNull()
    .references(() => users.id),
  /** the invitee's first paid order, which earned it */
  orderId: uuid().notNull(),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
