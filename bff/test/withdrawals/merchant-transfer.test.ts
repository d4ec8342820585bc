import type { Withdrawal } from '@linli/shared/schemas/withdrawals';
import type { App } from '../../src/app';
import { createSandboxProvider, type SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { createShopper, createStaffMember } from '../fixtures';
import { buildTestApp } from '../helper';
import { movableClock, openShop, type MovableClock } from '../payments/shop-under-test';
import { promoterWithAvailable, requestedWithdrawal } from './withdrawal-steps';

/** WeChat Pay as configured in production; the transfers themselves still go to the sandbox. */
const wechatPayEnv = {
  PAYMENT_PROVIDER: 'wechatpay',
  WECHATPAY_MCHID: '1230000109',
  WECHATPAY_APPID: 'wxd678efh567hg6787',
  WECHATPAY_MERCHANT_SERIAL: 'SERIAL',
  WECHATPAY_MERCHANT_PRIVATE_KEY: 'unused: the sandbox signs',
  WECHATPAY_APIV3_KEY: 'unused-the-sandbox-decrypts-0000',
  WECHATPAY_PLATFORM_PUBLIC_KEYS: JSON.stringify({ SERIAL: 'unused' }),
  WECHATPAY_NOTIFY_URL: 'https://shop.example.com/api/payments/notify',
};

async function approve(app: App, id: string) {
  const finance = await createStaffMember(app, 'finance');
  const res = await app.inject({ method: 'POST', url: `/api/console/withdrawals/${id}/approve`, headers: finance.headers, payload: {} });
  if (res.statusCode !== 200) throw new Error(`approve: ${res.body}`);
}

describe('confirming receipt of a withdrawal in WeChat', () => {
  let app: App;
  let clock: MovableClock;
  let sandbox: SandboxPaymentProvider;

  beforeEach(async () => {
    clock = movableClock();
    sandbox = await createSandboxProvider({ now: clock.now });
    app = await buildTestApp(wechatPayEnv, { clock: clock.now, payments: sandbox });
  });
  afterEach(async () => {
    await app.close();
    await sandbox.close();
  });

  it('gives the owner the merchant, app and package for wx.requestMerchantTransfer while the transfer waits', async () => {
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const asked = await requestedWithdrawal(app, promoter.headers, 1500);
    expect(asked.merchantTransfer).toBeNull();
    await approve(app, asked.id);

    const waiting = (await app.inject({ method: 'GET', url: `/api/withdrawals/${asked.id}`, headers: promoter.headers })).json<Withdrawal>();
    expect(waiting.merchantTransfer).toEqual({ mchId: '1230000109', appId: 'wxd678efh567hg6787', package: waiting.packageInfo });
    expect(waiting.packageInfo).toEqual(expect.any(String));
    const listed = (await app.inject({ method: 'GET', url: '/api/withdrawals', headers: promoter.headers })).json<{ items: Withdrawal[] }>();
    expect(listed.items[0]!.merchantTransfer).toEqual(waiting.merchantTransfer);
  });

  it('never shows the package to another shopper', async () => {
    const promoter = await promoterWithAvailable(app, clock, 1500);
    const asked = await requestedWithdrawal(app, promoter.headers, 1500);
    await approve(app, asked.id);
    const stranger = await createShopper(app, '路人');
    const theirs = await app.inject({ method: 'GET', url: `/api/withdrawals/${asked.id}`, headers: stranger.headers });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain('1230000109');
  });
});

describe('confirming receipt in the sandbox', () => {
  it('sends no merchant parameters: the sandbox confirm route stands in for WeChat', async () => {
    const shop = await openShop();
    try {
      const promoter = await promoterWithAvailable(shop.app, shop.clock, 1500);
      const asked = await requestedWithdrawal(shop.app, promoter.headers, 1500);
      await approve(shop.app, asked.id);
      const waiting = (await shop.app.inject({ method: 'GET', url: `/api/withdrawals/${asked.id}`, headers: promoter.headers })).json<Withdrawal>();
      expect(waiting).toMatchObject({ status: 'paying', packageInfo: expect.any(String), merchantTransfer: null });
    } finally {
      await shop.close();
    }
  });
});
