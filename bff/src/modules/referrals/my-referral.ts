import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Invitee, MyReferral } from '@linli/shared/schemas/referrals';
import type { App } from '../../app';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { maskNickname } from '../group-buys/mask-nickname';
import { users } from '../users/tables';
import { ensureInviteCode } from './invite-codes';
import { referralProfiles } from './tables';

/** The shopper's own code, who brought them in (masked) and how many they brought. */
export async function myReferral(app: App, userId: string): Promise<MyReferral> {
  const inviteCode = await ensureInviteCode(app.db, userId);
  const [inviter] = await app.db
    .select({ nickname: users.nickname })
    .from(referralProfiles)
    .innerJoin(users, eq(users.id, referralProfiles.inviterId))
    .where(eq(referralProfiles.userId, userId));
  const [count] = await app.db.select({ n: sql<number>`count(*)::int` }).from(referralProfiles).where(eq(referralProfiles.inviterId, userId));
  return { inviteCode, inviter: inviter ? { nickname: maskNickname(inviter.nickname) } : null, invitees: count?.n ?? 0 };
}

/** The shoppers this shopper brought in, latest first; names masked, no ids. */
export async function listInvitees(
  app: App,
  query: { inviterId: string; cursor?: string; limit: number },
): Promise<{ items: Invitee[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await app.db
    .select({ userId: referralProfiles.userId, nickname: users.nickname, boundAt: referralProfiles.boundAt, boundMicros: createdMicrosOf(referralProfiles.boundAt) })
    .from(referralProfiles)
    .innerJoin(users, eq(users.id, referralProfiles.userId))
    .where(
      and(
        eq(referralProfiles.inviterId, query.inviterId),
        isNotNull(referralProfiles.boundAt),
        after ? afterCursor(referralProfiles.boundAt, referralProfiles.userId, after) : undefined,
      ),
    )
    .orderBy(desc(referralProfiles.boundAt), desc(referralProfiles.userId))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.boundMicros, id: last.userId }));
  return {
    items: page.map((r) => ({ nickname: maskNickname(r.nickname), boundAt: r.boundAt!.toISOString() })),
    nextCursor,
  };
}
