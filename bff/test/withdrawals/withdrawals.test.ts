import { eq } from 'drizzle-orm';
import type { ConsoleWithdrawalDetail, Withdrawal } from '@linli/shared/schemas/withdrawals';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { ledgerEntries } from '../../src/modules/ledger/tables';
import { users } from '../../src/modules/users/tables';
import { withdrawals } from '../../src/modules/withdrawals/tables';
import { processDuePayouts } from '../../src/modules/withdrawals/payouts';
import { createShopper, createStaffMember } from '../fixtures';
import { openShop, type ShopUnderTest } from '../payments/shop-under-test';
import { configureReferrals, ledgerProblems, promoterMe } from '../commissions/commission-fixtures';
import { promoterWithAvailable, requestedWithdrawal, requestWithdrawal } from './withdrawal-steps';

let shop: ShopUnderTest<SandboxPaymentProvider>;

beforeEach(async () => {
  shop = await openShop();
});
afterEach(async () => {
  await shop.close();
});

async function outBillNoOf(id: string): Promise<string> {
  const [row] = await shop.app.db.select({ outBillNo: withdrawals.outBillNo }).from(withdrawals).where(eq(withdrawals.id, id));
  return row!.outBillNo;
}

async function decide(id: string, decision: 'approve' | 'reject') {
  const finance = await createStaffMember(shop.app, 'finance');
  const res = await shop.app.inject({ method: 'POST', url: `/api/console/withdrawals/${id}/${decision}`, headers: finance.headers, payload: { note: '核对' } });
  return { res, finance };
}

describe('asking for a withdrawal', () => {
  it('refuses an amount below the minimum or above the available balance, writing nothing', async () => {
    const { app, clock } = shop;
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const entriesBefore = (await app.db.select().from(ledgerEntries)).length;

    const small = await requestWithdrawal(app, promoter.headers, 999);
    expect(small.statusCode).toBe(409);
    expect(small.json().error.code).toBe('WITHDRAWAL_BELOW_MINIMUM');
    const large = await requestWithdrawal(app, promoter.headers, 1501);
    expect(large.statusCode).toBe(409);
    expect(large.json().error.code).toBe('INSUFFICIENT_BALANCE');

    expect(await app.db.select().from(withdrawals)).toEqual([]);
    expect((await app.db.select().from(ledgerEntries)).length).toBe(entriesBefore);
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 1500, inFlight: 0, withdrawn: 0 });
  });

  it('moves the amount from available to in flight, and the same Idempotency-Key asks only once', async () => {
    const { app, clock } = shop;
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const first = await requestWithdrawal(app, promoter.headers, 1200, 'withdraw-key-0001');
    const again = await requestWithdrawal(app, promoter.headers, 1200, 'withdraw-key-0001');
    expect(first.statusCode).toBe(201);
    expect(again.json<Withdrawal>().id).toBe(first.json<Withdrawal>().id);
    expect(first.json()).toMatchObject({ amount: 1200, status: 'requested', packageInfo: null });
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 300, inFlight: 1200, withdrawn: 0 });
    const otherAmount = await requestWithdrawal(app, promoter.headers, 1000, 'withdraw-key-0001');
    expect(otherAmount.statusCode).toBe(422);
  });
});

describe('deciding and paying a withdrawal', () => {
  it('pays an approved withdrawal to the wallet once the promoter confirms receipt, auditing every step', async () => {
    const { app, clock, sandbox } = shop;
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const asked = await requestedWithdrawal(app, promoter.headers, 1500);

    const { res, finance } = await decide(asked.id, 'approve');
    expect(res.statusCode).toBe(200);
    expect(res.json<ConsoleWithdrawalDetail>()).toMatchObject({ status: 'paying', transferState: 'WAIT_USER_CONFIRM', decidedBy: finance.staffId });
    const waiting = await app.inject({ method: 'GET', url: `/api/withdrawals/${asked.id}`, headers: promoter.headers });
    expect(waiting.json<Withdrawal>().packageInfo).toEqual(expect.any(String));

    await sandbox.confirmTransfer(await outBillNoOf(asked.id));
    clock.advance(60_000);
    expect(await processDuePayouts(app)).toBe(1);

    const paid = await app.inject({ method: 'GET', url: `/api/withdrawals/${asked.id}`, headers: promoter.headers });
    expect(paid.json()).toMatchObject({ status: 'paid', packageInfo: null });
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 0, inFlight: 0, withdrawn: 1500 });
    const detail = await app.inject({ method: 'GET', url: `/api/console/withdrawals/${asked.id}`, headers: finance.headers });
    expect(detail.json<ConsoleWithdrawalDetail>().events.map((e) => [e.fromStatus, e.toStatus, e.actorKind])).toEqual([
      [null, 'requested', 'shopper'],
      ['requested', 'approved', 'staff'],
      ['approved', 'paying', 'provider'],
      ['paying', 'paid', 'provider'],
    ]);
    expect(detail.json<ConsoleWithdrawalDetail>().events[1]!.actorId).toBe(finance.staffId);
    expect(await ledgerProblems(app)).toEqual([]);
  });

  it('is paid at once, and once, when the promoter confirms receipt in the sandbox, without waiting for the job', async () => {
    const { app, clock } = shop;
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const asked = await requestedWithdrawal(app, promoter.headers, 1500);
    expect((await decide(asked.id, 'approve')).res.statusCode).toBe(200);
    const stranger = await createShopper(app, '路人');
    const theirs = await app.inject({ method: 'POST', url: `/api/payments/sandbox/withdrawals/${asked.id}/confirm`, headers: stranger.headers });
    expect(theirs.statusCode).toBe(404);

    const confirmed = await app.inject({ method: 'POST', url: `/api/payments/sandbox/withdrawals/${asked.id}/confirm`, headers: promoter.headers });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'paid', packageInfo: null });
    const again = await app.inject({ method: 'POST', url: `/api/payments/sandbox/withdrawals/${asked.id}/confirm`, headers: promoter.headers });
    expect([again.statusCode, again.json().status]).toEqual([200, 'paid']);
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 0, inFlight: 0, withdrawn: 1500 });
    expect(await ledgerProblems(app)).toEqual([]);
  });

  it('pays a promoter who signed in without WeChat (h5 dev login) in the sandbox, to the stand-in identity', async () => {
    const { app, clock, sandbox } = shop;
    const promoter = await promoterWithAvailable(app, clock, 1500);
    await app.db.update(users).set({ openid: null }).where(eq(users.id, promoter.userId));
    const asked = await requestedWithdrawal(app, promoter.headers, 1500);
    expect((await decide(asked.id, 'approve')).res.json()).toMatchObject({ status: 'paying', transferState: 'WAIT_USER_CONFIRM' });

    const confirmed = await sandbox.confirmTransfer(await outBillNoOf(asked.id));
    expect(confirmed.state).toBe('SUCCESS');
    clock.advance(60_000);
    await processDuePayouts(app);
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 0, inFlight: 0, withdrawn: 1500 });
  });

  it('gives the money back when WeChat fails the transfer', async () => {
    const { app, clock, sandbox } = shop;
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const asked = await requestedWithdrawal(app, promoter.headers, 1000);
    await decide(asked.id, 'approve');

    await sandbox.failTransfer(await outBillNoOf(asked.id));
    clock.advance(60_000);
    await processDuePayouts(app);

    const failed = await app.inject({ method: 'GET', url: `/api/withdrawals/${asked.id}`, headers: promoter.headers });
    expect(failed.json()).toMatchObject({ status: 'failed', failReason: 'OPENID_INVALID' });
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 1500, inFlight: 0, withdrawn: 0 });
    expect(await ledgerProblems(app)).toEqual([]);
  });

  it('gives the money back when finance rejects, and a decided withdrawal cannot be decided again', async () => {
    const { app, clock } = shop;
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const asked = await requestedWithdrawal(app, promoter.headers, 1000);

    const { res } = await decide(asked.id, 'reject');
    expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: '核对' });
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 1500, inFlight: 0, withdrawn: 0 });
    const late = await decide(asked.id, 'approve');
    expect(late.res.statusCode).toBe(409);
    expect(late.res.json().error.code).toBe('WITHDRAWAL_DECIDED');
  });
});

describe('who may see and use withdrawals', () => {
  it("answers 404 for another shopper's withdrawal", async () => {
    const { app, clock } = shop;
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const asked = await requestedWithdrawal(app, promoter.headers, 1000);
    const stranger = await createShopper(app, '路人');
    const res = await app.inject({ method: 'GET', url: `/api/withdrawals/${asked.id}`, headers: stranger.headers });
    expect(res.statusCode).toBe(404);
    const mine = await app.inject({ method: 'GET', url: '/api/withdrawals', headers: stranger.headers });
    expect(mine.json()).toEqual({ items: [], nextCursor: null });
  });

  it('lets a promoter who is no longer one withdraw what was already earned', async () => {
    const { app, clock } = shop;
    const promoter = await promoterWithAvailable(app, clock, 1500);
    await configureReferrals(app, { promoterMode: 'approved' });
    expect((await promoterMe(app, promoter)).isPromoter).toBe(false);
    expect((await app.inject({ url: '/api/promoter/ledger', headers: promoter.headers })).statusCode).toBe(200);
    const asked = await requestWithdrawal(app, promoter.headers, 1500);
    expect(asked.statusCode).toBe(201);
    expect((await promoterMe(app, promoter)).balances).toEqual({ pending: 0, available: 0, inFlight: 1500, withdrawn: 0 });
  });

  it('refuses ¥2,000 or more in one withdrawal (WeChat then needs the real name), writing nothing', async () => {
    const { app, clock } = shop;
    const promoter = await promoterWithAvailable(app, clock, 250_000);
    const res = await requestWithdrawal(app, promoter.headers, 200_000);
    expect(res.statusCode).toBe(400);
    expect(await app.db.select().from(withdrawals)).toEqual([]);
  });

  it('answers 403 NOT_PROMOTER on promoter routes to a shopper the shop has not approved', async () => {
    const { app } = shop;
    await configureReferrals(app, { promoterMode: 'approved' });
    const shopper = await createShopper(app, '路人');
    for (const [method, url] of [
      ['GET', '/api/promoter/commissions'],
      ['GET', '/api/promoter/ledger'],
      ['GET', '/api/withdrawals'],
      ['POST', '/api/withdrawals'],
    ] as const) {
      const res = await app.inject({ method, url, headers: shopper.headers, ...(method === 'POST' ? { payload: { amount: 1000 } } : {}) });
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 403, 'NOT_PROMOTER']);
    }
    expect((await promoterMe(app, shopper)).isPromoter).toBe(false);
  });
});
