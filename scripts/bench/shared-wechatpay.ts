import { startFakeMerchant } from '../../bff/src/modules/payments/providers/sandbox-provider';
import type { FakeWechatPayServer } from '../../bff/src/modules/payments/providers/wechatpay/fake-wechatpay-server';
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
  // Nobody posts to notifyUrl: the bench delivers each notify itself, to whichever instance is next.
  const { fake, config } = await startFakeMerchant({ appid: 'wxbench0000000000', notifyUrl: 'http://127.0.0.1/api/payments/notify', now });
  return {
    fake,
    env: {
      PAYMENT_PROVIDER: 'wechatpay',
      WECHATPAY_MCHID: config.mchid,
      WECHATPAY_APPID: config.appid,
      WECHATPAY_MERCHANT_SERIAL: config.merchantSerial,
      WECHATPAY_MERCHANT_PRIVATE_KEY: config.merchantPrivateKey,
      WECHATPAY_APIV3_KEY: config.apiV3Key,
      WECHATPAY_PLATFORM_PUBLIC_KEYS: JSON.stringify(config.platformPublicKeys),
      WECHATPAY_NOTIFY_URL: config.notifyUrl,
      WECHATPAY_BASE_URL: fake.baseUrl,
    },
    provider: (clock) => new WechatPayProvider(config, { now: clock }),
  };
}
