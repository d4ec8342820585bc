import { randomBytes } from 'node:crypto';
import { generateKeyPair } from '../../bff/src/modules/payments/providers/wechatpay/crypto';
import { startFakeWechatPayServer, type FakeWechatPayServer } from '../../bff/src/modules/payments/providers/wechatpay/fake-wechatpay-server';
import { WechatPayProvider } from '../../bff/src/modules/payments/providers/wechatpay/wechatpay-provider';

/**
 * ONE fake WeChat Pay for several BFF processes, as production has one WeChat Pay behind every
 * instance. (Each process's own sandbox would know only the payments prepaid through it.) The
 * processes are configured as for the real WeChat Pay (`env`); the bench pays as the shopper through
 * `fake.pay`, and `provider` lets an in-process app on the same shop refund and query.
 */
export interface SharedWechatPay {
  fake: FakeWechatPayServer;
  env: Record<string, string>;
  provider: (now: () => Date) => WechatPayProvider;
}

export async function startSharedWechatPay(now: () => Date): Promise<SharedWechatPay> {
  const mchid = '1900000001';
  const appid = 'wxbench0000000000';
  const apiV3Key = randomBytes(16).toString('hex');
  const merchant = { serial: randomBytes(20).toString('hex').toUpperCase(), ...generateKeyPair() };
  const fake = await startFakeWechatPayServer({
    mchid,
    appid,
    merchant: { serial: merchant.serial, publicKeyPem: merchant.publicKeyPem },
    apiV3Key,
    refundsCompleteImmediately: true,
    now,
  });
  const config = {
    mchid,
    appid,
    merchantSerial: merchant.serial,
    merchantPrivateKey: merchant.privateKeyPem,
    apiV3Key,
    platformPublicKeys: { [fake.platform.serial]: fake.platform.publicKeyPem },
    // Nobody posts to it: the bench delivers each notify itself, to whichever instance is next.
    notifyUrl: 'http://127.0.0.1/api/payments/notify',
    baseUrl: fake.baseUrl,
  };
  return {
    fake,
    env: {
      PAYMENT_PROVIDER: 'wechatpay',
      WECHATPAY_MCHID: mchid,
      WECHATPAY_APPID: appid,
      WECHATPAY_MERCHANT_SERIAL: merchant.serial,
      WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.privateKeyPem,
      WECHATPAY_APIV3_KEY: apiV3Key,
      WECHATPAY_PLATFORM_PUBLIC_KEYS: JSON.stringify(config.platformPublicKeys),
      WECHATPAY_NOTIFY_URL: config.notifyUrl,
      WECHATPAY_BASE_URL: fake.baseUrl,
    },
    provider: (clock) => new WechatPayProvider(config, { now: clock }),
  };
}
