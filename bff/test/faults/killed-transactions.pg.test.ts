import type { OrderDetail } from '@linli/shared/schemas/order';
import type { App } from '../../src/app';
import { settleCommissions } from '../../src/modules/commissions/settle-commissions';
import { createSandboxProvider, type SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { configureReferrals, paidOrder, referralChain } from '../commissions/commission-fixtures';
import { address, createProduct, createShopper, giveCoupon, idempotencyKey } from '../fixtures';
import { createCampaign, pay, placeGroupOrder } from '../group-buys/seat-fixtures';
import { shopProblems } from '../properties/shop-invariants';
import { movableClock, type MovableClock } from '../payments/shop-under-test';
import { deliverNotify, prepay, shipOrder } from '../payments/shopping-steps';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';
import { backendKiller, type BackendKiller } from './backend-killer';
import { storyOf, type Cast } from './shop-story';

/**
 * pg_terminate_backend inside the four transactions where money and stock move together. Each
 * scenario runs twice on one database: undisturbed (the control) and with the app's connection killed
 * in the middle, then retried the way the real client does (same Idempotency-Key; WeChat Pay
 * redelivering the same notify; the job's next run). The killed attempt must leave no trace, and the
 * retry must end where the control did.
 */
describeOnPostgres('a database connection killed mid-transaction', () => {
  let app: App;
  let close: () => Promise<void>;
  let clock: MovableClock;
  let sandbox: SandboxPaymentProvider;
  let killer: BackendKiller;
  const initialStock: Record<string, number> = {};
  const figures = { faults: 0, retries: 0, invariantChecks: 0, problems: 0 };

  beforeAll(async () => {
    clock = movableClock();
    sandbox = await createSandboxProvider({ now: clock.now });
    // Settlement may happen as soon as receipt is confirmed, so the scenario needs no weeks of waiting.
    const opened = await appOnFreshDatabase({ RETURN_WINDOW_DAYS: '0' }, { clock: clock.now, payments: sandbox });
    ({ app, close } = opened);
    killer = backendKiller(opened.url);
    await configureReferrals(app, { level2Enabled: true });
  });
  afterEach(async () => {
    const problems = await shopProblems(app, initialStock);
    figures.invariantChecks += 1;
    figures.problems += problems.length;
    expect(problems).toEqual([]);
  });
  afterAll(async () => {
    console.log(
      `faults (killed transactions): ${figures.faults} backends terminated mid-transaction, ${figures.retries} retries ended as the control run, ` +
        `${figures.invariantChecks} invariant checks, problems ${figures.problems}`,
    );
    await killer?.close();
    await close?.();
    await sandbox?.close();
  });

  async function product(stock: number, price: number) {
    const { skuIds } = await createProduct(app, { stock, price });
    initialStock[skuIds[0]!] = stock;
    return skuIds[0]!;
  }

  /** The killed attempt: a 503 the client can retry, and not one row changed. */
  async function killedWithoutTrace(cast: Cast, hold: Parameters<BackendKiller['duringLockWait']>[0], work: () => Promise<{ statusCode: number; json: () => unknown }>) {
    const before = await storyOf(app, cast);
    const { result, terminated } = await killer.duringLockWait(hold, work);
    figures.faults += terminated;
    expect(result.statusCode).toBe(503);
    expect(result.json()).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) } });
    expect(await storyOf(app, cast)).toEqual(before);
  }

  async function endsAsControl(faulted: Cast, control: Cast) {
    expect(await storyOf(app, faulted)).toEqual(await storyOf(app, control));
    figures.retries += 1;
  }

  it('order creation: killed while taking stock, nothing is written; the same Idempotency-Key then places the order once', async () => {
    const scene = async () => {
      const buyer = await createShopper(app, '下单');
      const skuId = await product(10, 6000);
      const couponId = await giveCoupon(app, buyer.userId);
      const key = idempotencyKey();
      const place = () =>
        app.inject({
          method: 'POST',
          url: '/api/orders',
          headers: { ...buyer.headers, 'idempotency-key': key },
          payload: { lines: [{ skuId, quantity: 2 }], address, userCouponId: couponId },
        });
      return { cast: { shoppers: [buyer.userId], skus: [skuId] }, skuId, place };
    };
    const control = await scene();
    expect((await control.place()).statusCode).toBe(201);

    const faulted = await scene();
    await killedWithoutTrace(faulted.cast, (tx) => tx`select 1 from skus where id = ${faulted.skuId} for no key update`, faulted.place);
    const retried = await faulted.place();
    expect(retried.statusCode).toBe(201);
    const replayed = await faulted.place();
    expect(replayed.json<OrderDetail>().id).toBe(retried.json<OrderDetail>().id);
    await endsAsControl(faulted.cast, control.cast);
  });

  it('payment notify: killed while counting sales, the payment is not applied; the redelivered notify applies it once', async () => {
    const scene = async () => {
      const { grandInviter, inviter, buyer } = await referralChain(app);
      const skuId = await product(10, 3999);
      const placed = await app.inject({ method: 'POST', url: '/api/orders', headers: { ...buyer.headers, 'idempotency-key': idempotencyKey() }, payload: { lines: [{ skuId, quantity: 3 }], address } });
      const order = placed.json<OrderDetail>();
      await prepay(app, buyer, order.id);
      const notify = await sandbox.confirmPayment(order.orderNo);
      return { cast: { shoppers: [grandInviter.userId, inviter.userId, buyer.userId], skus: [skuId] }, order, deliver: () => deliverNotify(app, notify) };
    };
    const control = await scene();
    expect((await control.deliver()).statusCode).toBe(204);

    const faulted = await scene();
    await killedWithoutTrace(faulted.cast, (tx) => tx`select 1 from products where id = ${faulted.order.lines[0]!.productId} for no key update`, faulted.deliver);
    expect((await faulted.deliver()).statusCode).toBe(204);
    expect((await faulted.deliver()).statusCode).toBe(204);
    await endsAsControl(faulted.cast, control.cast);
  });

  it('group success: killed after the last seat filled the group, the group stays open; the redelivered notify makes it succeed', async () => {
    const scene = async () => {
      const { campaignId, skuId, productId } = await createCampaign(app, { now: clock.now() });
      initialStock[skuId] = 100;
      const leader = await createShopper(app, '团长');
      const member = await createShopper(app, '团员');
      const opened = (await placeGroupOrder(app, leader.headers, { campaignId, skuId })).json<OrderDetail>();
      expect(await pay(app, leader.headers, opened.id)).toBe(200);
      const joined = (await placeGroupOrder(app, member.headers, { campaignId, skuId, groupId: opened.groupId! })).json<OrderDetail>();
      await prepay(app, member, joined.id);
      const notify = await sandbox.confirmPayment(joined.orderNo);
      return { cast: { shoppers: [leader.userId, member.userId], skus: [skuId] }, productId, deliver: () => deliverNotify(app, notify) };
    };
    const control = await scene();
    expect((await control.deliver()).statusCode).toBe(204);
    expect((await storyOf(app, control.cast)).groups).toEqual([expect.objectContaining({ status: 'succeeded', seats_paid: 2 })]);

    const faulted = await scene();
    await killedWithoutTrace(faulted.cast, (tx) => tx`select 1 from products where id = ${faulted.productId} for no key update`, faulted.deliver);
    expect((await storyOf(app, faulted.cast)).groups).toEqual([expect.objectContaining({ status: 'open', seats_paid: 1 })]);
    expect((await faulted.deliver()).statusCode).toBe(204);
    await endsAsControl(faulted.cast, control.cast);
  });

  it('commission settlement: killed while posting to the ledger, nothing settles; the next run settles once', async () => {
    const scene = async () => {
      const { grandInviter, inviter, buyer } = await referralChain(app);
      const skuId = await product(10, 5000);
      const order = await paidOrder(app, buyer, skuId, 2);
      await shipOrder(app, order.id);
      const received = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: buyer.headers });
      expect(received.statusCode).toBe(200);
      clock.advance(60_000);
      return { cast: { shoppers: [grandInviter.userId, inviter.userId, buyer.userId], skus: [skuId] }, inviterId: inviter.userId };
    };
    const control = await scene();
    expect(await settleCommissions(app)).toBe(1);

    const faulted = await scene();
    const before = await storyOf(app, faulted.cast);
    const { result, terminated } = await killer.duringLockWait(
      (tx) => tx`select 1 from ledger_accounts where user_id = ${faulted.inviterId} and kind = 'commission_pending' for update`,
      () => settleCommissions(app).then(
        (settled) => ({ settled, failed: null }),
        (err: unknown) => ({ settled: 0, failed: err }),
      ),
    );
    figures.faults += terminated;
    expect(result.failed).toBeTruthy();
    expect(await storyOf(app, faulted.cast)).toEqual(before);
    expect(await settleCommissions(app)).toBe(1);
    await endsAsControl(faulted.cast, control.cast);
  });
});
