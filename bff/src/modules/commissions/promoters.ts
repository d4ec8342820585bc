import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ConsolePromoter, PromoterApplication, PromoterStatus, ReferralSettings } from '@linli/shared/schemas/promoters';
import type { App } from '../../app';
import type { Executor } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { AppError, notFound } from '../../plugins/errors';
import { balancesOf } from '../ledger/balances';
import { ledgerAccounts } from '../ledger/tables';
import { referralProfiles } from '../referrals/tables';
import { users } from '../users/tables';
import { loadReferralSettings } from './settings';
import { promoters } from './tables';

/** Who may earn: in 'everyone' mode any user; in 'approved' mode only users the shop approved. */
export async function isPromoter(db: Executor, userId: string, settings: Pick<ReferralSettings, 'promoterMode'>): Promise<boolean> {
  if (settings.promoterMode === 'everyone') return true;
  const [row] = await db.select({ status: promoters.status }).from(promoters).where(eq(promoters.userId, userId));
  return row?.status === 'approved';
}

/**
 * Who may open the promoter centre (earnings, ledger, withdrawals): promoters, and anyone who ever
 * earned. A promoter the shop revoked, or everyone after the shop switched to approved promoters,
 * keeps what was already earned: it settles and can be withdrawn; only new commissions stop.
 */
export async function mayUsePromoterCentre(db: Executor, userId: string): Promise<boolean> {
  if (await isPromoter(db, userId, await loadReferralSettings(db))) return true;
  const [account] = await db.select({ id: ledgerAccounts.id }).from(ledgerAccounts).where(eq(ledgerAccounts.userId, userId)).limit(1);
  return account !== undefined;
}

export async function requirePromoterCentre(db: Executor, userId: string): Promise<void> {
  if (!(await mayUsePromoterCentre(db, userId))) throw new AppError(403, 'NOT_PROMOTER', '你还不是推广员');
}

/**
 * A shopper asks to become a promoter (only meaningful in 'approved' mode). Asking again while the
 * request waits changes nothing; after a rejection or revocation it puts the request back in the queue.
 */
export async function applyAsPromoter(app: App, userId: string): Promise<PromoterApplication> {
  const settings = await loadReferralSettings(app.db);
  if (settings.promoterMode === 'everyone') throw alreadyPromoter();
  const now = app.clock();
  const [row] = await app.db
    .insert(promoters)
    .values({ userId, status: 'applied', appliedAt: now })
    .onConflictDoUpdate({
      target: promoters.userId,
      set: { status: 'applied', appliedAt: now, decidedBy: null, decidedAt: null, note: '' },
      setWhere: inArray(promoters.status, ['rejected', 'revoked']),
    })
    .returning();
  const current = row ?? (await app.db.select().from(promoters).where(eq(promoters.userId, userId)))[0];
  if (!current) throw new Error('promoter row vanished');
  if (current.status === 'approved') throw alreadyPromoter();
  return { status: current.status, appliedAt: current.appliedAt.toISOString() };
}

const alreadyPromoter = () => new AppError(409, 'ALREADY_PROMOTER', '你已经是推广员了');

export type PromoterDecision = 'approve' | 'reject' | 'revoke';

/** Which statuses each decision may move from; approving also works for a user who never applied. */
const decisions: Record<PromoterDecision, { from: readonly PromoterStatus[]; to: PromoterStatus }> = {
  approve: { from: ['applied', 'rejected', 'revoked'], to: 'approved' },
  reject: { from: ['applied'], to: 'rejected' },
  revoke: { from: ['approved'], to: 'revoked' },
};

/** Staff decide; the status only moves from the states listed above (guarded in the database). */
export async function decidePromoter(app: App, input: { userId: string; decision: PromoterDecision; staffId: string; note: string }): Promise<ConsolePromoter> {
  const rule = decisions[input.decision];
  const now = app.clock();
  const decided = { status: rule.to, decidedBy: input.staffId, decidedAt: now, note: input.note };
  await app.db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw notFound('用户');
    const moved =
      input.decision === 'approve'
        ? await tx
            .insert(promoters)
            .values({ userId: input.userId, appliedAt: now, ...decided })
            .onConflictDoUpdate({ target: promoters.userId, set: decided, setWhere: inArray(promoters.status, [...rule.from]) })
            .returning({ userId: promoters.userId })
        : await tx
            .update(promoters)
            .set(decided)
            .where(and(eq(promoters.userId, input.userId), inArray(promoters.status, [...rule.from])))
            .returning({ userId: promoters.userId });
    if (moved.length === 0) {
      const [current] = await tx.select({ status: promoters.status }).from(promoters).where(eq(promoters.userId, input.userId));
      throw current
        ? new AppError(409, 'PROMOTER_STATUS_CONFLICT', `推广员当前状态（${current.status}）不能执行此操作`)
        : new AppError(409, 'PROMOTER_NOT_APPLIED', '该用户还没有申请成为推广员');
    }
  });
  const [view] = (await listPromoters(app.db, { userId: input.userId, limit: 1 })).items;
  return view!;
}

const ownProfile = alias(referralProfiles, 'own_profile');

export async function listPromoters(
  db: Executor,
  query: { status?: PromoterStatus; userId?: string; cursor?: string; limit: number },
): Promise<{ items: ConsolePromoter[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const filters: Array<SQL | undefined> = [
    query.status ? eq(promoters.status, query.status) : undefined,
    query.userId ? eq(promoters.userId, query.userId) : undefined,
    after ? afterCursor(promoters.appliedAt, promoters.userId, after) : undefined,
  ];
  const rows = await db
    .select({
      userId: promoters.userId,
      nickname: users.nickname,
      status: promoters.status,
      appliedAt: promoters.appliedAt,
      decidedAt: promoters.decidedAt,
      note: promoters.note,
      inviteCode: ownProfile.inviteCode,
      invitees: sql<number>`(select count(*)::int from ${referralProfiles} where ${referralProfiles.inviterId} = ${promoters.userId})`,
      appliedMicros: createdMicrosOf(promoters.appliedAt),
    })
    .from(promoters)
    .innerJoin(users, eq(users.id, promoters.userId))
    .leftJoin(ownProfile, eq(ownProfile.userId, promoters.userId))
    .where(and(...filters))
    .orderBy(desc(promoters.appliedAt), desc(promoters.userId))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.appliedMicros, id: last.userId }));
  const balances = await balancesOf(db, page.map((r) => r.userId));
  return {
    items: page.map((r) => ({
      userId: r.userId,
      nickname: r.nickname,
      status: r.status,
      appliedAt: r.appliedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      note: r.note,
      inviteCode: r.inviteCode,
      invitees: r.invitees,
      balances: balances.get(r.userId)!,
    })),
    nextCursor,
  };
}
