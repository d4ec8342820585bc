import { buildApp, type App } from '../../src/app';
import { startJobs } from '../../src/jobs/scheduler';
import { createSandboxProvider, type SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { testConfig } from '../helper';
import { captureLog } from '../platform/captured-log';
import { describeOnPostgres, freshDatabase } from '../pg-database';
import type { MovableClock } from '../payments/shop-under-test';
import { shopProblems } from '../properties/shop-invariants';
import { runAllJobs } from '../properties/shop-steps';
import { describeTraffic, driveMixedTraffic, prepareMixedScene, settleBacklog, type TrafficReport } from './mixed-traffic';

/**
 * Two BFF instances — each listening on its own port with its own pool and its own jobs every second —
 * on ONE PostgreSQL database, as behind a load balancer. Virtual shoppers spread every request over
 * both; meanwhile shop time jumps 4 minutes every 2 s, so payment windows (15 minutes) run out under the
 * traffic and both instances' jobs race to expire, fail and refund the same rows. At the
 * end the shop is settled and every promise is checked on the database.
 */

/** Real time plus however far the test has moved it: both instances and WeChat Pay read the same. */
function movingClock(): MovableClock {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

describeOnPostgres('two BFF instances on one PostgreSQL', () => {
  let instances: App[] = [];
  let sandbox: SandboxPaymentProvider;
  let dropDatabase: () => Promise<void>;
  const clock = movingClock();
  // What either instance logged at error level: the story behind any 5xx the traffic met.
  const log = captureLog();

  beforeAll(async () => {
    const database = await freshDatabase();
    dropDatabase = database.drop;
    // One WeChat Pay for the shop, as in production: a payment prepaid through one instance is known to the other.
    sandbox = await createSandboxProvider({ now: clock.now });
    instances = await Promise.all(
      [0, 1].map(async () => {
        const app = await buildApp(testConfig({ DATABASE_URL: database.url, DATABASE_POOL_MAX: '8', LOG_LEVEL: 'error' }), { clock: clock.now, payments: sandbox, logStream: log.stream });
        startJobs(app, 1);
        await app.listen({ host: '127.0.0.1', port: 0 });
        return app;
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(instances.map((app) => app.close()));
    await sandbox?.close();
    await dropDatabase?.();
  });

  it('should keep every promise of the shop under mixed traffic spread over both, with no errors', async () => {
    const [first, second] = instances as [App, App];
    const scene = await prepareMixedScene(first, { stock: 150, coupons: 20 });
    const bases = instances.map((app) => `http://127.0.0.1:${(app.server.address() as { port: number }).port}`);

    const timePasses = setInterval(() => clock.advance(4 * 60_000), 2000);
    let report: TrafficReport;
    try {
      report = await driveMixedTraffic({ bases, scene, shoppers: 12, seconds: 8, pay: (orderNo) => sandbox.confirmPayment(orderNo) });
    } finally {
      clearInterval(timePasses);
    }
    // Every window passes and every job runs, on both instances, while their own job timers still tick.
    await settleBacklog(first, clock);
    await runAllJobs(second);
    const problems = await shopProblems(second, scene.initialStock);

    const logged = log.lines().map((line) => `  logged: ${line.msg ?? ''} ${line.err?.message ?? ''}`);
    console.log([...describeTraffic(report), `  invariant problems: ${problems.length}`, ...report.errors, ...problems, ...logged].join('\n'));
    expect(report.errors).toEqual([]);
    expect(problems).toEqual([]);
    // Both instances served every kind of write, and the traffic got far enough to mean something.
    for (const kind of ['order', 'prepay', 'pay notify', 'coupon claim'] as const) {
      expect(report.byKind[kind].byInstance.filter((n) => n > 0)).toHaveLength(2);
    }
    expect(report.orders.paid).toBeGreaterThan(2);
    expect(report.orders.groupsOpened).toBeGreaterThan(0);
  });
});
