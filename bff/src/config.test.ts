import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, Env, loadConfig, type Config } from './config';

/** The ConfigError's message for `env`; fails the test if the configuration loads. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const completeProduction: Record<string, string> = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: 'wechat-app-secret',
  PAYMENT_PROVIDER: 'wechatpay',
  WECHATPAY_MCHID: '1900000001',
  WECHATPAY_APPID: 'wx0123456789abcdef',
  WECHATPAY_MERCHANT_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  WECHATPAY_MERCHANT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
  WECHATPAY_APIV3_KEY: '0123456789abcdef0123456789abcdef',
  WECHATPAY_PLATFORM_PUBLIC_KEYS: '{"PUB_KEY_ID_0001":"-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----"}',
  WECHATPAY_NOTIFY_URL: 'https://shop.example.com/api/payments/notify',
};

const wechatPayVariables = [
  'WECHATPAY_MCHID',
  'WECHATPAY_APPID',
  'WECHATPAY_MERCHANT_SERIAL',
  'WECHATPAY_MERCHANT_PRIVATE_KEY',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PLATFORM_PUBLIC_KEYS',
  'WECHATPAY_NOTIFY_URL',
];

function without(env: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));
}

/** The variables in the repository's .env.example, with the value each line shows (comments removed). */
function envExample(): Map<string, string> {
  const text = readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8');
  const entries = text.split('\n').flatMap((line) => {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    return match ? [[match[1]!, match[2]!.replace(/\s#.*$/, '').trim()] as const] : [];
  });
  return new Map(entries);
}

function withoutSecret(config: Config) {
  return { ...config, auth: { ...config.auth, jwtSecret: '' } };
}

describe('loadConfig defaults and conversion', () => {
  it('uses the documented defaults when no variable is set', () => {
    const config = loadConfig({});
    expect(withoutSecret(config)).toEqual({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      logLevel: 'info',
      publicBaseUrl: null,
      database: { url: null, poolMax: 10, pgliteDir: '.data/pglite' },
      redisUrl: null,
      mediaDir: '.data/media',
      h5Dir: path.resolve(__dirname, '../../miniapp/dist/h5'),
      consoleDir: path.resolve(__dirname, '../../console/dist'),
      seedDemo: true,
      auth: { jwtSecret: '', accessTtlSeconds: 900, refreshTtlDays: 30, devLogin: false },
      wechat: { appid: null, secret: null, apiBase: 'https://api.weixin.qq.com' },
      payment: { provider: 'sandbox', wechatpay: null },
      orders: { paymentWindowMinutes: 15, autoConfirmDays: 10, returnWindowDays: 7, shippingFee: 800, freeShippingThreshold: 9900 },
      referrals: { bindingDays: 30 },
      jobs: { enabled: true, intervalSeconds: 30 },
      bodyLimit: 65536,
      analytics: { batchesPerMinute: 60, retentionDays: 180 },
      http: { corsOrigins: [], trustProxy: false },
      limits: { signIns: { perIp: 60, perDevice: 10 }, shareOpens: { perIp: 300, perDevice: 60 } },
    });
  });

  it('reads CORS_ORIGINS as a list of origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://h5.linli.example, http://127.0.0.1:10086' }).http.corsOrigins).toEqual(['https://h5.linli.example', 'http://127.0.0.1:10086']);
  });

  it('reads TRUST_PROXY as a hop count or the proxies\' addresses, and refuses anything else', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).http.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow('TRUST_PROXY: not a hop count or an address/CIDR: true');
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/abc' })).toThrow('TRUST_PROXY');
  });

  it('outside production without JWT_SECRET, signs with a random secret per process', () => {
    const first = loadConfig({}).auth.jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}).auth.jwtSecret).not.toBe(first);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', SEED_DEMO: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, seedDemo: true, database: { url: null } });
  });

  it('converts numbers and booleans from their text', () => {
    const config = loadConfig({
      PORT: '8080',
      SHIPPING_FEE_FEN: '0',
      FREE_SHIPPING_THRESHOLD_FEN: '0',
      SEED_DEMO: 'false',
      DEV_LOGIN: 'TRUE',
      JOBS_ENABLED: '0',
    });
    expect(config).toMatchObject({
      port: 8080,
      seedDemo: false,
      auth: { devLogin: true },
      jobs: { enabled: false },
      orders: { shippingFee: 0, freeShippingThreshold: null },
    });
  });

  it.each(['8.5', '1e3', '0x10', '12abc'])('refuses SHIPPING_FEE_FEN=%s instead of truncating it', (text) => {
    expect(refusal({ SHIPPING_FEE_FEN: text })).toContain('SHIPPING_FEE_FEN: Expected integer');
  });

  it('refuses a boolean spelled other than true, false, 1 or 0', () => {
    expect(refusal({ SEED_DEMO: 'yes' })).toContain('SEED_DEMO: Expected boolean');
  });

  it('refuses a number outside its range', () => {
    expect(refusal({ PORT: '70000' })).toMatch(/^\s+PORT: /m);
  });
});

describe('loadConfig refusals', () => {
  it('lists every bad value in one ConfigError', () => {
    const message = refusal({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(message).toMatch(/^\s+PORT: /m);
    expect(message).toMatch(/^\s+LOG_LEVEL: /m);
  });

  it('reports a mistyped value and a production rule in the same error', () => {
    const message = refusal({ ...completeProduction, PORT: 'abc', DEV_LOGIN: 'true' });
    expect(message).toMatch(/^\s+PORT: /m);
    expect(message).toContain('DEV_LOGIN: must be off in production');
  });

  it('accepts a complete production configuration', () => {
    expect(loadConfig(completeProduction)).toMatchObject({ env: 'production', payment: { provider: 'wechatpay' } });
  });

  it.each([
    ['a missing JWT_SECRET', without(completeProduction, 'JWT_SECRET'), 'JWT_SECRET: required in production'],
    ['DEV_LOGIN=true', { ...completeProduction, DEV_LOGIN: 'true' }, 'DEV_LOGIN: must be off in production'],
    ['PAYMENT_PROVIDER=sandbox', { ...completeProduction, PAYMENT_PROVIDER: 'sandbox' }, 'PAYMENT_PROVIDER: sandbox is not allowed in production'],
    ['a missing WECHAT_APPID', without(completeProduction, 'WECHAT_APPID'), 'WECHAT_APPID/WECHAT_SECRET: required in production'],
    ['a missing WECHAT_SECRET', without(completeProduction, 'WECHAT_SECRET'), 'WECHAT_APPID/WECHAT_SECRET: required in production'],
    ['a return window shorter than seven days', { ...completeProduction, RETURN_WINDOW_DAYS: '0' }, 'RETURN_WINDOW_DAYS: at least 7 in production'],
  ])('in production, refuses %s', (_case, env, problem) => {
    expect(refusal(env)).toContain(problem);
  });

  it('with PAYMENT_PROVIDER=wechatpay, names every missing WECHATPAY_* variable', () => {
    const message = refusal({ PAYMENT_PROVIDER: 'wechatpay' });
    for (const name of wechatPayVariables) expect(message).toContain(name);
  });

  it.each(['not json', '["a pem"]', '{"serial": 1}', '{}'])('refuses WECHATPAY_PLATFORM_PUBLIC_KEYS=%s (not a JSON object of PEM strings)', (text) => {
    expect(refusal({ ...completeProduction, WECHATPAY_PLATFORM_PUBLIC_KEYS: text })).toContain('WECHATPAY_PLATFORM_PUBLIC_KEYS: must be');
  });

  it('never echoes a secret value in its message', () => {
    const secrets = {
      JWT_SECRET: 'tooshort-secret-value',
      WECHATPAY_APIV3_KEY: 'short-apiv3-key-value',
      WECHATPAY_PLATFORM_PUBLIC_KEYS: '{"serial": "unterminated-pem-value"',
    };
    const message = refusal({ ...completeProduction, ...secrets });
    expect(message).toContain('JWT_SECRET');
    expect(message).toContain('WECHATPAY_APIV3_KEY');
    for (const value of Object.values(secrets)) expect(message).not.toContain(value);
    expect(message).not.toContain('unterminated-pem-value');
  });
});

describe('.env.example', () => {
  it('documents every variable the config reads, and no other', () => {
    expect([...envExample().keys()].sort()).toEqual(Object.keys(Env.properties).sort());
  });

  it('shows the values the config uses when a variable is unset', () => {
    const shown = Object.fromEntries(envExample());
    expect(withoutSecret(loadConfig(shown))).toEqual(withoutSecret(loadConfig({})));
  });
});
