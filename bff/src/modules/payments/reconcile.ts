import { and, eq, lte } from 'drizzle-orm';
import type { App } from '../../app';
import { applyConfirmedPayment } from './apply-payment';
import { payments } from './tables';

/**
 * Notifies can be lost. Payments still waiting for one after `graceSeconds` are asked about
 * directly; a paid one goes through exactly the same path as a notify would have.
 */
export async function reconcilePayments(app: App, input: { graceSeconds?: number; limit?: number } = {}): Promise<{ checked: number; applied: number }> {
  const cutoff = new Date(app.clock().getTime() - (input.graceSeconds ?? 120) * 1000);
  const waiting = await app.db
    .select({ outTradeNo: payments.outTradeNo })
    .from(payments)
    .where(and(eq(payments.status, 'prepaid'), lte(payments.prepaidAt, cutoff)))
    .orderBy(payments.prepaidAt)
    .limit(input.limit ?? 50);
  let applied = 0;
  for (const { outTradeNo } of waiting) {
    try {
      if ((await applyIfPaid(app, outTradeNo)) === 'applied') applied++;
    } catch (err) {
      app.log.warn({ err, outTradeNo }, 'reconciliation query failed');
    }
  }
  return { checked: waiting.length, applied };
}

/** Asks WeChat Pay about one payment and, when it was paid, applies it exactly as its notify would. */
export async function applyIfPaid(app: App, outTradeNo: string): Promise<'applied' | 'already_applied' | 'not_paid'> {
  const state = await app.payments.queryPayment(outTradeNo);
  if (state.tradeState !== 'SUCCESS' || !state.transactionId || state.amount === null) return 'not_paid';
  const outcome = await applyConfirmedPayment(app, {
    outTradeNo,
    transactionId: state.transactionId,
    amount: state.amount,
    payerOpenid: state.payerOpenid,
    successTime: state.successTime,
  });
  return outcome === 'already_applied' ? 'already_applied' : 'applied';
}
