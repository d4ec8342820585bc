import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { ConsoleWithdrawal, ConsoleWithdrawalDetail, Withdrawal, WithdrawalStatus } from '@linli/shared/schemas/withdrawals';
import type { Config } from '../../config';
import type { Executor } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { notFound } from '../../plugins/errors';
import { users } from '../users/tables';
import { withdrawalEvents, withdrawals } from './tables';

type WithdrawalRow = typeof withdrawals.$inferSelect;

/** Who pays the transfer: what wx.requestMerchantTransfer needs beside the bill's package. */
export interface TransferMerchant {
  mchId: string;
  appId: string;
}

/** The configured WeChat Pay merchant; null in the sandbox, whose confirm route stands in for WeChat. */
export function transferMerchantOf(config: Config): TransferMerchant | null {
  const wechatpay = config.payment.wechatpay;
  return config.payment.provider === 'wechatpay' && wechatpay ? { mchId: wechatpay.mchid, appId: wechatpay.appid } : null;
}

/**
 * The shopper's view: the confirm-receipt package only while WeChat waits for them to confirm.
 * Callers only ever build it from the owner's own row, so nobody else sees the package.
 */
export function toWithdrawal(row: WithdrawalRow, merchant: TransferMerchant | null): Withdrawal {
  const packageInfo = row.status === 'paying' && row.transferState === 'WAIT_USER_CONFIRM' ? row.packageInfo : null;
  return {
    id: row.id,
    amount: row.amount,
    status: row.status,
    packageInfo,
    merchantTransfer: packageInfo !== null && merchant !== null ? { ...merchant, package: packageInfo } : null,
    failReason: row.failReason,
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
  };
}

function toConsoleWithdrawal(row: WithdrawalRow & { nickname: string }): ConsoleWithdrawal {
  return {
    id: row.id,
    userId: row.userId,
    nickname: row.nickname,
    amount: row.amount,
    status: row.status,
    outBillNo: row.outBillNo,
    transferBillNo: row.transferBillNo,
    transferState: row.transferState,
    failReason: row.failReason,
    attempts: row.attempts,
    lastError: row.lastError,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
  };
}

interface ListQuery {
  /** null: every shopper's (console) */
  ownerId: string | null;
  status?: WithdrawalStatus;
  cursor?: string;
  limit: number;
}

async function pageOfWithdrawals(db: Executor, query: ListQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const filters: Array<SQL | undefined> = [
    query.ownerId ? eq(withdrawals.userId, query.ownerId) : undefined,
    query.status ? eq(withdrawals.status, query.status) : undefined,
    after ? afterCursor(withdrawals.createdAt, withdrawals.id, after) : undefined,
  ];
  const rows = await db
    .select({ withdrawal: withdrawals, nickname: users.nickname, createdMicros: createdMicrosOf(withdrawals.createdAt) })
    .from(withdrawals)
    .innerJoin(users, eq(users.id, withdrawals.userId))
    .where(and(...filters))
    .orderBy(desc(withdrawals.createdAt), desc(withdrawals.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.createdMicros, id: last.withdrawal.id }));
  return {
    page: page.map((r) => ({ ...r.withdrawal, nickname: r.nickname })),
    nextCursor,
  };
}

export async function listMyWithdrawals(
  db: Executor,
  query: ListQuery & { ownerId: string },
  merchant: TransferMerchant | null,
): Promise<{ items: Withdrawal[]; nextCursor: string | null }> {
  const { page, nextCursor } = await pageOfWithdrawals(db, query);
  return { items: page.map((row) => toWithdrawal(row, merchant)), nextCursor };
}

export async function listConsoleWithdrawals(db: Executor, query: Omit<ListQuery, 'ownerId'>): Promise<{ items: ConsoleWithdrawal[]; nextCursor: string | null }> {
  const { page, nextCursor } = await pageOfWithdrawals(db, { ...query, ownerId: null });
  return { items: page.map(toConsoleWithdrawal), nextCursor };
}

/** Another shopper's withdrawal is 404, exactly like one that does not exist. */
export async function myWithdrawal(db: Executor, id: string, ownerId: string, merchant: TransferMerchant | null): Promise<Withdrawal> {
  const [row] = await db.select().from(withdrawals).where(and(eq(withdrawals.id, id), eq(withdrawals.userId, ownerId)));
  if (!row) throw notFound('提现记录');
  return toWithdrawal(row, merchant);
}

export async function consoleWithdrawalDetail(db: Executor, id: string): Promise<ConsoleWithdrawalDetail> {
  const [row] = await db
    .select({ withdrawal: withdrawals, nickname: users.nickname })
    .from(withdrawals)
    .innerJoin(users, eq(users.id, withdrawals.userId))
    .where(eq(withdrawals.id, id));
  if (!row) throw notFound('提现申请');
  const events = await db.select().from(withdrawalEvents).where(eq(withdrawalEvents.withdrawalId, id)).orderBy(asc(withdrawalEvents.id));
  return {
    ...toConsoleWithdrawal({ ...row.withdrawal, nickname: row.nickname }),
    events: events.map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, actorKind: e.actorKind, actorId: e.actorId, note: e.note, at: e.createdAt.toISOString() })),
  };
}
