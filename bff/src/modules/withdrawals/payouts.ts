import { and, eq, inArray, lte } from 'drizzle-orm';
import type { App } from '../../app';
import type { Executor } from '../../db/client';
import { promoterAccount } from '../ledger/accounts';
import { post } from '../ledger/post';
import { PaymentProviderError, type TransferResult } from '../payments/providers/payment-provider';
import { wechatIdentityFor } from '../payments/wechat-identity';
import { users } from '../users/tables';
import { returnToAvailable } from './decide-withdrawal';
import { moveWithdrawal } from './move-withdrawal';
import { withdrawals } from './tables';

type WithdrawalRow = typeof withdrawals.$inferSelect;

const retryDelaysSeconds = [10, 30, 60, 300, 900, 3600];
/** How soon to ask again about a transfer WeChat is still working on (or the shopper has not confirmed). */
const inProgressDelaySeconds = 60;
const provider = { kind: 'provider' as const, id: null };

/**
 * Pays approved withdrawals through the provider's transfer to wallet, and asks after transfers in
 * progress until WeChat says SUCCESS (paid) or FAIL/CANCELLED (failed, money back). Rows are claimed
 * FOR UPDATE SKIP LOCKED, so several instances share the work and none sends one twice at once; the
 * transfer is idempotent by out_bill_no besides. Errors are retried with backoff.
 */
export async function processDuePayouts(app: App, limit = 20): Promise<number> {
  let handled = 0;
  for (; handled < limit; handled++) {
    const done = await app.db.transaction(async (tx) => {
      const now = app.clock();
      const [withdrawal] = await tx
        .select()
        .from(withdrawals)
        .where(and(inArray(withdrawals.status, ['approved', 'paying']), lte(withdrawals.nextAttemptAt, now)))
        .orderBy(withdrawals.nextAttemptAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!withdrawal) return false;
      try {
        if (withdrawal.status === 'approved') await startTransfer(app, tx, withdrawal);
        else await applyTransferResult(app, tx, withdrawal, await app.payments.queryTransfer(withdrawal.outBillNo));
      } catch (err) {
        const delay = retryDelaysSeconds[Math.min(withdrawal.attempts, retryDelaysSeconds.length - 1)]!;
        app.log.warn({ err, outBillNo: withdrawal.outBillNo }, 'payout attempt failed; will retry');
        await tx
          .update(withdrawals)
          .set({ attempts: withdrawal.attempts + 1, lastError: String((err as Error).message).slice(0, 500), nextAttemptAt: new Date(now.getTime() + delay * 1000) })
          .where(eq(withdrawals.id, withdrawal.id));
      }
      return true;
    });
    if (!done) break;
  }
  return handled;
}

/**
 * Asks WeChat about one withdrawal's transfer now rather than at the job's next look: the
 * mini-program calls this when wx.requestMerchantTransfer reports that the promoter accepted it.
 * Only the owner's withdrawal that is being paid is looked at; anything else is left as it is.
 */
export async function refreshPayout(app: App, input: { withdrawalId: string; ownerId: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const [withdrawal] = await tx
      .select()
      .from(withdrawals)
      .where(and(eq(withdrawals.id, input.withdrawalId), eq(withdrawals.userId, input.ownerId), eq(withdrawals.status, 'paying')))
      .for('update', { skipLocked: true });
    if (withdrawal) await applyTransferResult(app, tx, withdrawal, await app.payments.queryTransfer(withdrawal.outBillNo));
  });
}

async function startTransfer(app: App, tx: Executor, withdrawal: WithdrawalRow): Promise<void> {
  const [payee] = await tx.select({ openid: users.openid }).from(users).where(eq(users.id, withdrawal.userId));
  let result: TransferResult;
  try {
    const openid = wechatIdentityFor(app.payments, { id: withdrawal.userId, openid: payee?.openid ?? null }) ?? '';
    result = await app.payments.transfer({ outBillNo: withdrawal.outBillNo, openid, amount: withdrawal.amount, remark: '推广佣金提现' });
  } catch (err) {
    if (!(err instanceof PaymentProviderError) || err.retryable) throw err;
    // WeChat answered and refused: no bill exists, so nothing will ever be paid for this one.
    const refused = await moveWithdrawal(tx, { id: withdrawal.id, action: 'refuse', actor: provider, now: app.clock(), note: err.code, set: { failReason: err.code, lastError: err.message.slice(0, 500), nextAttemptAt: null } });
    if (refused) await returnToAvailable(tx, refused, app.clock());
    return;
  }
  const paying = await moveWithdrawal(tx, {
    id: withdrawal.id,
    action: 'startPaying',
    actor: { kind: 'provider', id: result.transferBillNo },
    now: app.clock(),
    note: `转账单 ${result.transferBillNo}`,
    set: { transferBillNo: result.transferBillNo },
  });
  if (paying) await applyTransferResult(app, tx, paying, result);
}

/** What WeChat says about a transfer, applied once: final states move the withdrawal and the money. */
async function applyTransferResult(app: App, tx: Executor, withdrawal: WithdrawalRow, result: TransferResult): Promise<void> {
  const now = app.clock();
  const actor = { kind: 'provider' as const, id: result.transferBillNo };
  if (result.state === 'SUCCESS') {
    const paid = await moveWithdrawal(tx, { id: withdrawal.id, action: 'pay', actor, now, set: { transferState: result.state, packageInfo: null, paidAt: now, nextAttemptAt: null } });
    if (paid) {
      await post(tx, {
        kind: 'withdrawal_paid',
        legs: [
          { account: promoterAccount(paid.userId, 'withdrawal_in_flight'), amount: -paid.amount, withdrawalId: paid.id },
          { account: promoterAccount(paid.userId, 'withdrawn'), amount: paid.amount, withdrawalId: paid.id },
        ],
        now,
      });
    }
    return;
  }
  if (result.state === 'FAIL' || result.state === 'CANCELLED') {
    const reason = result.failReason ?? result.state;
    const failed = await moveWithdrawal(tx, { id: withdrawal.id, action: 'fail', actor, now, note: reason, set: { transferState: result.state, packageInfo: null, failReason: reason, nextAttemptAt: null } });
    if (failed) await returnToAvailable(tx, failed, now);
    return;
  }
  // Still in progress. Only the transfer call returns packageInfo (a query never does): keep it.
  await tx
    .update(withdrawals)
    .set({
      transferState: result.state,
      packageInfo: result.state === 'WAIT_USER_CONFIRM' ? (result.packageInfo ?? withdrawal.packageInfo) : null,
      attempts: withdrawal.attempts + 1,
      nextAttemptAt: new Date(now.getTime() + inProgressDelaySeconds * 1000),
      updatedAt: now,
    })
    .where(eq(withdrawals.id, withdrawal.id));
}
