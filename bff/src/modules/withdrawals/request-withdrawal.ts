import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { App } from '../../app';
import { AppError } from '../../plugins/errors';
import { requirePromoterCentre } from '../commissions/promoters';
import { loadReferralSettings } from '../commissions/settings';
import { accountKey, lockAccounts, promoterAccount } from '../ledger/accounts';
import { post } from '../ledger/post';
import { wechatIdentityFor } from '../payments/wechat-identity';
import { users } from '../users/tables';
import { withdrawalEvents, withdrawals } from './tables';

type WithdrawalRow = typeof withdrawals.$inferSelect;

/**
 * A promoter asks for part of their settled commission. The money moves from available to in
 * flight at once, so it cannot be asked for twice; the promoter's accounts are locked first, so two
 * requests at once are decided one after the other against the balance the first one left.
 * With an Idempotency-Key, asking again returns the withdrawal the first request made.
 */
export async function requestWithdrawal(app: App, input: { userId: string; amount: number; idempotencyKey?: string }): Promise<WithdrawalRow> {
  return app.db.transaction(async (tx) => {
    // Before the accounts are opened: opening them is what makes someone a past earner.
    await requirePromoterCentre(tx, input.userId);
    const now = app.clock();
    const available = promoterAccount(input.userId, 'commission_available');
    const inFlight = promoterAccount(input.userId, 'withdrawal_in_flight');
    const accounts = await lockAccounts(tx, [available, inFlight]);

    if (input.idempotencyKey) {
      const [previous] = await tx.select().from(withdrawals).where(and(eq(withdrawals.userId, input.userId), eq(withdrawals.idempotencyKey, input.idempotencyKey)));
      if (previous && previous.amount !== input.amount) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一笔不同金额的提现');
      if (previous) return previous;
    }

    const settings = await loadReferralSettings(tx);
    if (input.amount < settings.minimumWithdrawal) {
      throw new AppError(409, 'WITHDRAWAL_BELOW_MINIMUM', `单笔提现不能少于 ${(settings.minimumWithdrawal / 100).toFixed(2)} 元`);
    }
    if ((accounts.get(accountKey(available))!.balance ?? 0) < input.amount) throw new AppError(409, 'INSUFFICIENT_BALANCE', '可提现余额不足');
    const [user] = await tx.select({ openid: users.openid }).from(users).where(eq(users.id, input.userId));
    if (!wechatIdentityFor(app.payments, { id: input.userId, openid: user?.openid ?? null })) throw new AppError(409, 'WECHAT_NOT_BOUND', '请先用微信登录，提现将转入你的微信零钱');

    const [withdrawal] = await tx
      .insert(withdrawals)
      .values({ userId: input.userId, amount: input.amount, status: 'requested', outBillNo: newOutBillNo(now), idempotencyKey: input.idempotencyKey ?? null, createdAt: now, updatedAt: now })
      .returning();
    await tx.insert(withdrawalEvents).values({ withdrawalId: withdrawal!.id, fromStatus: null, toStatus: 'requested', actorKind: 'shopper', actorId: input.userId, createdAt: now });
    await post(tx, {
      kind: 'withdrawal_requested',
      legs: [
        { account: available, amount: -input.amount, withdrawalId: withdrawal!.id },
        { account: inFlight, amount: input.amount, withdrawalId: withdrawal!.id },
      ],
      now,
    });
    return withdrawal!;
  });
}

/** W + the UTC time to the second + 12 random digits: 27 letters and digits (WeChat allows 32). */
function newOutBillNo(now: Date): string {
  const random = `${String(randomInt(0, 1_000_000)).padStart(6, '0')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  return `W${now.toISOString().replace(/\D/g, '').slice(0, 14)}${random}`;
}
