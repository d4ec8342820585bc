import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { CommissionEntry, CommissionStatus, PromoterMe } from '@linli/shared/schemas/promoters';
import type { App } from '../../app';
import type { Executor } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { maskNickname } from '../group-buys/mask-nickname';
import { promoterBalances } from '../ledger/balances';
import { orderLines, orders } from '../orders/tables';
import { referralProfiles } from '../referrals/tables';
import { users } from '../users/tables';
import { isPromoter } from './promoters';
import { loadReferralSettings } from './settings';
import { commissions, promoters } from './tables';

export async function promoterMe(app: App, userId: string): Promise<PromoterMe> {
  const settings = await loadReferralSettings(app.db);
  const [application] = await app.db.select({ status: promoters.status }).from(promoters).where(eq(promoters.userId, userId));
  const [invited] = await app.db.select({ n: sql<number>`count(*)::int` }).from(referralProfiles).where(eq(referralProfiles.inviterId, userId));
  return {
    mode: settings.promoterMode,
    isPromoter: await isPromoter(app.db, userId, settings),
    status: application?.status ?? null,
    balances: await promoterBalances(app.db, userId),
    invitees: invited?.n ?? 0,
    minimumWithdrawal: settings.minimumWithdrawal,
  };
}

/** What I earned, latest first; the buyer's name masked. */
export async function listMyCommissions(
  db: Executor,
  query: { userId: string; status?: CommissionStatus; cursor?: string; limit: number },
): Promise<{ items: CommissionEntry[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const filters: Array<SQL | undefined> = [
    eq(commissions.beneficiaryId, query.userId),
    query.status ? eq(commissions.status, query.status) : undefined,
    after ? afterCursor(commissions.createdAt, commissions.id, after) : undefined,
  ];
  const rows = await db
    .select({
      id: commissions.id,
      orderNo: orders.orderNo,
      productTitle: orderLines.title,
      level: commissions.level,
      rateBp: commissions.rateBp,
      amount: commissions.amount,
      reversedAmount: commissions.reversedAmount,
      status: commissions.status,
      buyerNickname: users.nickname,
      createdAt: commissions.createdAt,
      settledAt: commissions.settledAt,
      createdMicros: createdMicrosOf(commissions.createdAt),
    })
    .from(commissions)
    .innerJoin(orders, eq(orders.id, commissions.orderId))
    .innerJoin(orderLines, eq(orderLines.id, commissions.orderLineId))
    .innerJoin(users, eq(users.id, commissions.buyerId))
    .where(and(...filters))
    .orderBy(desc(commissions.createdAt), desc(commissions.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.createdMicros, id: last.id }));
  return {
    items: page.map((r) => ({
      id: r.id,
      orderNo: r.orderNo,
      productTitle: r.productTitle,
      level: r.level === 2 ? 2 : 1,
      rateBp: r.rateBp,
      amount: r.amount,
      reversedAmount: r.reversedAmount,
      status: r.status,
      buyerNickname: maskNickname(r.buyerNickname),
      createdAt: r.createdAt.toISOString(),
      settledAt: r.settledAt?.toISOString() ?? null,
    })),
    nextCursor,
  };
}
