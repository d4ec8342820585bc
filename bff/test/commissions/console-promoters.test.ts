import { eq } from 'drizzle-orm';
import type { ConsoleLedgerPage, ConsolePromoterPage, ProductRatePage, ReferralSettings, ReferralWindows } from '@linli/shared/schemas/promoters';
import { referralSettings } from '../../src/modules/commissions/tables';
import { referralProfiles } from '../../src/modules/referrals/tables';
import { createProduct, createStaffMember } from '../fixtures';
import { shipOrder } from '../payments/shopping-steps';
import { openShop, type ShopUnderTest } from '../payments/shop-under-test';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { settleCommissions } from '../../src/modules/commissions/settle-commissions';
import { paidOrder, promoterMe, referralChain } from './commission-fixtures';

let shop: ShopUnderTest<SandboxPaymentProvider>;

/** Each test on a shop of its own, configured by `env`. */
function openShopEach(env: Record<string, string> = {}) {
  beforeEach(async () => {
    shop = await openShop({ env });
  });
}
afterEach(async () => {
  await shop.close();
});

async function staff(role: 'owner' | 'finance') {
  return (await createStaffMember(shop.app, role)).headers;
}

describe('the console promoter list', () => {
  openShopEach();

  it('shows each promoter with invite code, invitees and balances, filtered by status', async () => {
    const { app } = shop;
    const owner = await staff('owner');
    const { grandInviter, inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    await paidOrder(app, buyer, skuIds[0]!);
    for (const who of [grandInviter, inviter]) {
      const res = await app.inject({ method: 'POST', url: `/api/console/promoters/${who.userId}/approve`, headers: owner, payload: {} });
      expect(res.statusCode).toBe(200);
    }
    await app.inject({ method: 'POST', url: `/api/console/promoters/${grandInviter.userId}/revoke`, headers: owner, payload: { note: '违规推广' } });
    const [code] = await app.db.select({ code: referralProfiles.inviteCode }).from(referralProfiles).where(eq(referralProfiles.userId, inviter.userId));

    const approved = await app.inject({ url: '/api/console/promoters?status=approved', headers: await staff('finance') });
    expect(approved.json<ConsolePromoterPage>().items).toEqual([
      expect.objectContaining({ userId: inviter.userId, status: 'approved', inviteCode: code!.code, invitees: 1, balances: { pending: 399, available: 0, inFlight: 0, withdrawn: 0 } }),
    ]);
    const revoked = await app.inject({ url: '/api/console/promoters?status=revoked', headers: owner });
    expect(revoked.json<ConsolePromoterPage>().items).toEqual([
      expect.objectContaining({ userId: grandInviter.userId, status: 'revoked', note: '违规推广', inviteCode: null, invitees: 1 }),
    ]);
  });

  it("lists a promoter's ledger entries, whose sum is the balance the list shows", async () => {
    const { app } = shop;
    const { inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!, 2);
    const ledger = await app.inject({ url: `/api/console/promoters/${inviter.userId}/ledger`, headers: await staff('finance') });
    const entries = ledger.json<ConsoleLedgerPage>().items;
    expect(entries.map((e) => [e.account, e.kind, e.amount, e.orderId, e.orderNo])).toEqual([['commission_pending', 'earned', 799, order.id, order.orderNo]]);
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe((await promoterMe(app, inviter)).balances.pending);
    expect(order.lines[0]!.payable).toBe(7998);
  });
});

describe('products with their own commission rates', () => {
  openShopEach();

  it('lists the products that have their own rates, latest first, and forgets a cleared one', async () => {
    const { app, clock } = shop;
    const owner = await staff('owner');
    const first = await createProduct(app, { title: '有机草莓' });
    const second = await createProduct(app, { title: '海南芒果' });
    for (const [product, level1Bp] of [[first, 1500], [second, 2000]] as const) {
      const res = await app.inject({ method: 'PUT', url: `/api/console/products/${product.productId}/commission-rate`, headers: owner, payload: { level1Bp, level2Bp: 0 } });
      expect(res.statusCode).toBe(200);
      clock.advance(1000);
    }
    const listed = await app.inject({ url: '/api/console/product-commission-rates', headers: await staff('finance') });
    expect(listed.json<ProductRatePage>().items.map((r) => [r.title, r.level1Bp, r.level2Bp])).toEqual([
      ['海南芒果', 2000, 0],
      ['有机草莓', 1500, 0],
    ]);

    await app.inject({ method: 'DELETE', url: `/api/console/products/${second.productId}/commission-rate`, headers: owner });
    const after = await app.inject({ url: '/api/console/product-commission-rates', headers: owner });
    expect(after.json<ProductRatePage>().items.map((r) => r.productId)).toEqual([first.productId]);
  });
});

describe('referral settings', () => {
  openShopEach();

  it('refuses a rate above 50% and keeps the settings as they were', async () => {
    const { app } = shop;
    const owner = await staff('owner');
    const before = (await app.inject({ url: '/api/console/referral-settings', headers: owner })).json<ReferralSettings>();
    const res = await app.inject({ method: 'PUT', url: '/api/console/referral-settings', headers: owner, payload: { ...before, level1RateBp: 12_000 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body/level1RateBp' })]);
    const [row] = await app.db.select({ level1RateBp: referralSettings.level1RateBp }).from(referralSettings);
    expect(row!.level1RateBp).toBe(before.level1RateBp);
  });

  it('tells staff the binding and settlement windows the BFF runs with, and that there are at most two levels', async () => {
    const res = await shop.app.inject({ url: '/api/console/referral-settings/windows', headers: await staff('finance') });
    expect(res.json<ReferralWindows>()).toEqual({ bindingDays: 30, settlementDays: 7, maxLevels: 2 });
  });
});

describe('a shop configured with a zero-day return window', () => {
  openShopEach({ RETURN_WINDOW_DAYS: '0' });

  it('settles commissions as soon as the buyer confirms receipt, and says so', async () => {
    const { app } = shop;
    const { inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!);
    await shipOrder(app, order.id);
    await app.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: buyer.headers });
    shop.clock.advance(1);
    await settleCommissions(app);
    expect((await promoterMe(app, inviter)).balances).toEqual({ pending: 0, available: 399, inFlight: 0, withdrawn: 0 });
    const windows = await app.inject({ url: '/api/console/referral-settings/windows', headers: await staff('owner') });
    expect(windows.json<ReferralWindows>().settlementDays).toBe(0);
  });

  it('refuses a refund asked after receipt: the window the commission waited for has closed', async () => {
    const { app } = shop;
    const { buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3999 });
    const order = await paidOrder(app, buyer, skuIds[0]!);
    await shipOrder(app, order.id);
    await app.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: buyer.headers });
    shop.clock.advance(1);
    const asked = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/after-sales`, headers: buyer.headers, payload: { reason: '不想要了' } });
    expect([asked.statusCode, asked.json().error.code]).toEqual([409, 'AFTER_SALE_WINDOW_CLOSED']);
  });
});
