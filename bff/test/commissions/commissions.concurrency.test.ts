import { and, eq, sql } from 'drizzle-orm';
import type { OrderDetail } from '@linli/shared/schemas/order';
import type { App } from '../../src/app';
import { settleCommissions } from '../../src/modules/commissions/settle-commissions';
import { returnWindowDays } from '@linli/shared/orders/state-machine';
import { processDuePayouts } from '../../src/modules/withdrawals/payouts';
import type { PaymentProvider } from '../../src/modules/payments/providers/payment-provider';
import { createSandboxProvider, type SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { userCoupons } from '../../src/modules/coupons/tables';
import { createTemplate } from '../coupons/coupon-fixtures';
import { address, createProduct, createStaffMember, idempotencyKey } from '../fixtures';
import { buildTestApp } from '../helper';
import { movableClock, type MovableClock } from '../payments/shop-under-test';
import { deliverNotify, prepay, shipOrder } from '../payments/shopping-steps';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';
import { promoterWithAvailable, requestedWithdrawal, requestWithdrawal } from '../withdrawals/withdrawal-steps';
import { commissionsOf, ledgerProblems, paidOrder, promoterMe, referralChain } from './commission-fixtures';

/** The sandbox, counting the transfers asked of it. */
function countingTransfers(sandbox: SandboxPaymentProvider): { provider: PaymentProvider; transfers: () => number } {
  let count = 0;
  const provider = new Proxy(sandbox, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key === 'transfer' && typeof value === 'function') {
        return (...args: unknown[]) => {
          count += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { provider, transfers: () => count };
}

describeOnPostgres('commissions and withdrawals on real PostgreSQL', () => {
  let app: App;
  let url: string;
  let close: () => Promise<void>;
  let clock: MovableClock;
  let sandbox: SandboxPaymentProvider;
  let transfers: () => number;

  beforeAll(async () => {
    clock = movableClock();
    sandbox = await createSandboxProvider({ now: clock.now });
    const counting = countingTransfers(sandbox);
    transfers = counting.transfers;
    ({ app, url, close } = await appOnFreshDatabase({}, { clock: clock.now, payments: counting.provider }));
  });
  afterAll(async () => {
    await close();
    await sandbox.close();
  });

  it('records a commission once when ten copies of the payment notify arrive at once', async () => {
    const { inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const placed = await app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { ...buyer.headers, 'idempotency-key': idempotencyKey() },
      payload: { lines: [{ skuId: skuIds[0]!, quantity: 1 }], address },
    });
    const order = placed.json<OrderDetail>();
    await prepay(app, buyer, order.id);
    const notify = await sandbox.confirmPayment(order.orderNo);

    const answers = await Promise.all(Array.from({ length: 10 }, () => deliverNotify(app, notify)));
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([204]));
    expect((await commissionsOf(app, order.id)).map((c) => c.amount)).toEqual([399]);
    expect((await promoterMe(app, inviter)).balances.pending).toBe(399);
    expect(await ledgerProblems(app)).toEqual([]);
  });

  it('rewards the inviter once when two of the invitee’s first orders are paid at the same moment', async () => {
    await createTemplate(app, { title: '邀请好友下单得 10 元', referralReward: true, claimable: false });
    const { inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3000 });
    const notifies = [];
    for (let i = 0; i < 2; i++) {
      const placed = await app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { ...buyer.headers, 'idempotency-key': idempotencyKey() },
        payload: { lines: [{ skuId: skuIds[0]!, quantity: 1 }], address },
      });
      const order = placed.json<OrderDetail>();
      await prepay(app, buyer, order.id);
      notifies.push(await sandbox.confirmPayment(order.orderNo));
    }

    const answers = await Promise.all(notifies.map((n) => deliverNotify(app, n)));
    expect(answers.map((a) => a.statusCode)).toEqual([204, 204]);
    const rewards = await app.db.select().from(userCoupons).where(and(eq(userCoupons.userId, inviter.userId), eq(userCoupons.source, 'referral')));
    expect(rewards).toHaveLength(1);
  });

  it('pays a withdrawal once when two finance staff approve it at once', async () => {
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const asked = await requestedWithdrawal(app, promoter.headers, 1500);
    const [a, b] = await Promise.all([createStaffMember(app, 'finance'), createStaffMember(app, 'owner')]);
    const before = transfers();

    const answers = await Promise.all(
      [a!, b!].map((staff) => app.inject({ method: 'POST', url: `/api/console/withdrawals/${asked.id}/approve`, headers: staff.headers, payload: {} })),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    // The winner pays at once unless the loser still holds the row; the job (here on two instances at once) pays it then.
    await Promise.all([processDuePayouts(app), processDuePayouts(app)]);
    expect(transfers() - before).toBe(1);
    const detail = answers.find((r) => r.statusCode === 200)!.json<{ events: Array<{ toStatus: string }> }>();
    expect(detail.events.filter((e) => e.toStatus === 'approved')).toHaveLength(1);
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 0, inFlight: 1500, withdrawn: 0 });
  });

  it('accepts only one of two withdrawals asked at once that together exceed the available balance', async () => {
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const answers = await Promise.all([requestWithdrawal(app, promoter.headers, 1000), requestWithdrawal(app, promoter.headers, 1000)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('INSUFFICIENT_BALANCE');
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 500, inFlight: 1000, withdrawn: 0 });
    expect(await ledgerProblems(app)).toEqual([]);
  });

  it('settles each commission once when the settlement job runs on two instances at once', async () => {
    const other = await buildTestApp({ DATABASE_URL: url, DATABASE_POOL_MAX: '20' }, { clock: clock.now, payments: sandbox });
    try {
      const { inviter, buyer } = await referralChain(app);
      const { skuIds } = await createProduct(app, { price: 1000 });
      const orders: OrderDetail[] = [];
      for (let i = 0; i < 8; i++) orders.push(await paidOrder(app, buyer, skuIds[0]!));
      for (const order of orders) {
        await shipOrder(app, order.id);
        await app.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: buyer.headers });
      }
      clock.advance(returnWindowDays * 86_400_000 + 1000);

      const handled = await Promise.all([settleCommissions(app), settleCommissions(other), settleCommissions(app), settleCommissions(other)]);
      expect(handled.reduce((a, b) => a + b, 0)).toBe(8);
      const settledEntries = await app.database.rows<{ commission_id: string; n: number }>(
        app.db,
        sql`select e.commission_id, count(*)::int as n from ledger_entries e join commissions c on c.id = e.commission_id
            where e.kind = 'settled' and e.amount > 0 and c.beneficiary_id = ${inviter.userId} group by e.commission_id`,
      );
      expect(settledEntries.map((e) => e.n)).toEqual(Array.from({ length: 8 }, () => 1));
      expect((await promoterMe(app, inviter)).balances).toEqual({ pending: 0, available: 800, inFlight: 0, withdrawn: 0 });
      expect(await ledgerProblems(app)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
