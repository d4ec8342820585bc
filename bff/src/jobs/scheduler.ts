import type { App } from '../app';
import { purgeOldEvents } from '../modules/analytics/purge-old-events';
import { settleCommissions } from '../modules/commissions/settle-commissions';
import { expireCoupons } from '../modules/coupons/expire-coupons';
import { failExpiredGroups } from '../modules/group-buys/group-expiry';
import { autoConfirmReceipts } from '../modules/orders/fulfilment';
import { expireUnpaidOrders } from '../modules/orders/cancel-order';
import { processDueRefunds } from '../modules/payments/refunds';
import { reconcilePayments } from '../modules/payments/reconcile';
import { processDuePayouts } from '../modules/withdrawals/payouts';

/**
 * The background jobs. Each is safe to run on every instance at once (rows are claimed with
 * FOR UPDATE SKIP LOCKED and moved by guarded transitions), so there is no leader to elect.
 */
export const jobs: Record<string, (app: App) => Promise<unknown>> = {
  expireUnpaidOrders: (app) => expireUnpaidOrders(app),
  failExpiredGroups: (app) => failExpiredGroups(app),
  reconcilePayments: (app) => reconcilePayments(app),
  processDueRefunds: (app) => processDueRefunds(app),
  autoConfirmReceipts: (app) => autoConfirmReceipts(app),
  expireCoupons: (app) => expireCoupons(app),
  settleCommissions: (app) => settleCommissions(app),
  processDuePayouts: (app) => processDuePayouts(app),
  purgeOldEvents: (app) => purgeOldEvents(app),
};

/** Runs every job each interval, one run at a time; stops when the app closes. */
export function startJobs(app: App, intervalSeconds: number): void {
  let running: Promise<void> | null = null;
  const tick = async () => {
    for (const [name, job] of Object.entries(jobs)) {
      try {
        const result = await job(app);
        app.log.debug({ job: name, result }, 'job ran');
      } catch (err) {
        app.log.error({ err, job: name }, 'job failed');
      }
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = null;
    });
  }, intervalSeconds * 1000);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
