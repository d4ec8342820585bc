import { randomBytes } from 'node:crypto';
import { generateKeyPair, type RsaKeyPair } from './crypto';
import { startFakeWechatPayServer, type FakeWechatPayOptions, type FakeWechatPayServer } from './fake-wechatpay-server';
import type { WechatPayConfig } from './wechatpay-config';

/**
 * One merchant, one platform key and a movable clock, shared by the WeChat Pay tests of a file.
 * RSA key generation is the slow part, so a file makes one kit and many providers from it.
 */
export interface WechatPayTestKit {
  merchant: RsaKeyPair & { serial: string };
  platform: RsaKeyPair & { serial: string };
  apiV3Key: string;
  mchid: string;
  appid: string;
  clock: { now: Date };
  now: () => Date;
  /** The config of a client that trusts `fake`. */
  configFor(fake: FakeWechatPayServer, overrides?: Partial<WechatPayConfig>): WechatPayConfig;
  startFake(overrides?: Partial<FakeWechatPayOptions>): Promise<FakeWechatPayServer>;
}

export function createWechatPayTestKit(start = new Date('2025-06-01T04:00:00Z')): WechatPayTestKit {
  const merchant = { serial: randomBytes(20).toString('hex').toUpperCase(), ...generateKeyPair() };
  const platform = { serial: randomBytes(20).toString('hex').toUpperCase(), ...generateKeyPair() };
  const clock = { now: start };
  const kit: WechatPayTestKit = {
    merchant,
    platform,
    apiV3Key: randomBytes(16).toString('hex'),
    mchid: '1900009191',
    appid: 'wxd678efh567hg6787',
    clock,
    now: () => clock.now,
    configFor: (fake, overrides = {}) => ({
      mchid: kit.mchid,
      appid: kit.appid,
      merchantSerial: merchant.serial,
      merchantPrivateKey: merchant.privateKeyPem,
      apiV3Key: kit.apiV3Key,
      platformPublicKeys: { [fake.platform.serial]: fake.platform.publicKeyPem },
      notifyUrl: 'https://shop.example.com/api/payments/notify',
      baseUrl: fake.baseUrl,
      ...overrides,
    }),
    startFake: (overrides = {}) =>
      startFakeWechatPayServer({
        mchid: kit.mchid,
        appid: kit.appid,
        merchant: { serial: merchant.serial, publicKeyPem: merchant.publicKeyPem },
        apiV3Key: kit.apiV3Key,
        platform,
        now: kit.now,
        ...overrides,
      }),
  };
  return kit;
}

let sequence = 0;

/** A fresh out_trade_no / out_refund_no per test, within WeChat's 6–32 [0-9A-Za-z_-] rule. */
export function uniqueNo(prefix: string): string {
  sequence += 1;
  return `${prefix}${Date.now()}${sequence}`;
}
