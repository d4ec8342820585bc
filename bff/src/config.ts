import { KindGuard, Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';
import { returnWindowDays } from '@linli/shared/orders/state-machine';

/**
 * Every setting the BFF reads, checked once at boot. Names follow the usual conventions
 * (PORT, DATABASE_URL, …); each is documented in .env.example.
 */
export const Env = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], { default: 'development' }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  PUBLIC_BASE_URL: Type.Optional(Type.String({ description: 'how shoppers reach this BFF; used in links and media URLs' })),

  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  PGLITE_DIR: Type.String({ default: '.data/pglite' }),
  REDIS_URL: Type.Optional(Type.String({ description: 'rate-limit counters shared by every instance; unset: each instance counts alone' })),
  MEDIA_DIR: Type.String({ default: '.data/media' }),
  H5_DIR: Type.Optional(Type.String({ description: "the mini-program's h5 build, served at /h5/" })),
  CONSOLE_DIR: Type.Optional(Type.String({ description: "the merchant console's build, served at /console/" })),
  SEED_DEMO: Type.Boolean({ default: true }),

  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 3600, default: 900 }),
  REFRESH_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 30 }),
  DEV_LOGIN: Type.Boolean({ default: false }),

  WECHAT_APPID: Type.Optional(Type.String()),
  WECHAT_SECRET: Type.Optional(Type.String()),
  WECHAT_API_BASE: Type.String({ default: 'https://api.weixin.qq.com' }),

  PAYMENT_PROVIDER: Type.Union([Type.Literal('sandbox'), Type.Literal('wechatpay')], { default: 'sandbox' }),
  WECHATPAY_MCHID: Type.Optional(Type.String()),
  WECHATPAY_APPID: Type.Optional(Type.String()),
  WECHATPAY_MERCHANT_SERIAL: Type.Optional(Type.String()),
  WECHATPAY_MERCHANT_PRIVATE_KEY: Type.Optional(Type.String()),
  WECHATPAY_APIV3_KEY: Type.Optional(Type.String({ minLength: 32, maxLength: 32 })),
  WECHATPAY_PLATFORM_PUBLIC_KEYS: Type.Optional(Type.String({ description: 'JSON object: serial → PEM public key' })),
  WECHATPAY_NOTIFY_URL: Type.Optional(Type.String()),
  WECHATPAY_BASE_URL: Type.String({ default: 'https://api.mch.weixin.qq.com' }),

  ORDER_PAYMENT_WINDOW_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 15 }),
  AUTO_CONFIRM_DAYS: Type.Integer({ minimum: 1, maximum: 60, default: 10 }),
  RETURN_WINDOW_DAYS: Type.Integer({ minimum: 0, maximum: 90, default: returnWindowDays }),
  SHIPPING_FEE_FEN: Type.Integer({ minimum: 0, default: 800 }),
  FREE_SHIPPING_THRESHOLD_FEN: Type.Integer({ minimum: 0, default: 9900 }),
  REFERRAL_BINDING_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  JOBS_ENABLED: Type.Boolean({ default: true }),
  JOB_INTERVAL_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 30 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 10485760, default: 65536 }),
  EVENT_BATCHES_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 100000, default: 60 }),
  EVENT_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 180 }),
  TRUST_PROXY: Type.String({ default: '', description: 'the load balancers whose X-Forwarded-For is believed: addresses/CIDRs (comma list) or a hop count; empty = the socket address' }),
  CORS_ORIGINS: Type.String({ default: '', description: 'comma-separated origins allowed to call the API from a browser; empty = same origin only' }),
  SIGN_INS_PER_MINUTE_PER_IP: Type.Integer({ minimum: 1, maximum: 100000, default: 60 }),
  SIGN_INS_PER_MINUTE_PER_DEVICE: Type.Integer({ minimum: 1, maximum: 100000, default: 10 }),
  SHARE_OPENS_PER_MINUTE_PER_IP: Type.Integer({ minimum: 1, maximum: 100000, default: 300 }),
  SHARE_OPENS_PER_MINUTE_PER_DEVICE: Type.Integer({ minimum: 1, maximum: 100000, default: 60 }),
});
export type Env = Static<typeof Env>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  publicBaseUrl: string | null;
  database: { url: string | null; poolMax: number; pgliteDir: string };
  /** Redis for state every instance shares (rate-limit counters); null: each instance keeps its own. */
  redisUrl: string | null;
  mediaDir: string;
  /** The h5 build folder; /h5/ is served only when it exists. */
  h5Dir: string;
  /** The merchant console's build folder; /console/ is served only when it exists. */
  consoleDir: string;
  seedDemo: boolean;
  auth: { jwtSecret: string; accessTtlSeconds: number; refreshTtlDays: number; devLogin: boolean };
  wechat: { appid: string | null; secret: string | null; apiBase: string };
  payment: {
    provider: 'sandbox' | 'wechatpay';
    wechatpay: {
      mchid: string; appid: string; merchantSerial: string; merchantPrivateKey: string; apiV3Key: string;
      platformPublicKeys: Record<string, string>; notifyUrl: string; baseUrl: string;
    } | null;
  };
  orders: {
    paymentWindowMinutes: number;
    autoConfirmDays: number;
    /** days after receipt a shopper may still ask for a refund; commissions settle when they are over */
    returnWindowDays: number;
    shippingFee: number;
    freeShippingThreshold: number | null;
  };
  referrals: { bindingDays: number };
  jobs: { enabled: boolean; intervalSeconds: number };
  bodyLimit: number;
  analytics: { batchesPerMinute: number; retentionDays: number };
  /**
   * `corsOrigins`: browser origins other than the BFF's own that may call the API. `trustProxy`: whose
   * X-Forwarded-For gives the client's address (rate limits, audit log) — false: the socket's peer.
   */
  http: { corsOrigins: string[]; trustProxy: false | number | string[] };
  /** requests per minute from one address and from one device (X-Device-Id), where sign-ups and bindings are farmed */
  limits: { signIns: PerMinute; shareOpens: PerMinute };
}

export interface PerMinute {
  perIp: number;
  perDevice: number;
}

// Not relative to the working directory: `pnpm start` runs in bff/, the bench and e2e runners in the repo root.
const defaultH5Dir = path.resolve(__dirname, '..', '..', 'miniapp', 'dist', 'h5');
const defaultConsoleDir = path.resolve(__dirname, '..', '..', 'console', 'dist');

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates configuration. Throws ConfigError listing every problem, never a value. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const properties: Record<string, TSchema> = Env.properties;
  const raw = Object.fromEntries(
    Object.entries(source).flatMap(([key, text]) => {
      const schema = properties[key];
      return schema && text !== undefined && text !== '' ? [[key, fromText(schema, text)]] : [];
    }),
  );
  const converted = Value.Default(Env, raw);
  const problems = [...Value.Errors(Env, converted)].map((e) => `${e.path.slice(1)}: ${e.message}`);
  // The rules below only read the values; a mistyped one simply fails its own check above, so every
  // problem is reported at once instead of one boot attempt per mistake.
  const env = converted as Env;

  const production = env.NODE_ENV === 'production';
  if (production && !env.JWT_SECRET) problems.push('JWT_SECRET: required in production');
  if (production && env.DEV_LOGIN) problems.push('DEV_LOGIN: must be off in production');
  if (production && env.PAYMENT_PROVIDER === 'sandbox') problems.push('PAYMENT_PROVIDER: sandbox is not allowed in production');
  if (production && !(env.WECHAT_APPID && env.WECHAT_SECRET)) problems.push('WECHAT_APPID/WECHAT_SECRET: required in production');
  // 七天无理由退货 is the law's minimum; a shorter window exists only so tests and the e2e can settle commissions at once.
  if (production && env.RETURN_WINDOW_DAYS < returnWindowDays) problems.push(`RETURN_WINDOW_DAYS: at least ${returnWindowDays} in production`);
  const wechatpay = env.PAYMENT_PROVIDER === 'wechatpay' ? readWechatPay(env, problems) : null;
  const corsOrigins = env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  // An origin is scheme, host and port, exactly as a browser sends it: a path or a wildcard never matches one.
  const notOrigins = corsOrigins.filter((o) => !/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o));
  if (notOrigins.length > 0) problems.push(`CORS_ORIGINS: not an origin (scheme://host[:port]): ${notOrigins.join(', ')}`);
  const trustProxy = readTrustProxy(env.TRUST_PROXY, problems);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);

  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? null,
    database: { url: env.DATABASE_URL ?? null, poolMax: env.DATABASE_POOL_MAX, pgliteDir: env.PGLITE_DIR },
    redisUrl: env.REDIS_URL ?? null,
    mediaDir: env.MEDIA_DIR,
    h5Dir: env.H5_DIR ?? defaultH5Dir,
    consoleDir: env.CONSOLE_DIR ?? defaultConsoleDir,
    seedDemo: env.SEED_DEMO,
    auth: {
      // Outside production a per-process secret is acceptable: tokens simply do not survive a restart.
      jwtSecret: env.JWT_SECRET ?? randomSecret(),
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      devLogin: env.DEV_LOGIN,
    },
    wechat: { appid: env.WECHAT_APPID ?? null, secret: env.WECHAT_SECRET ?? null, apiBase: env.WECHAT_API_BASE },
    payment: { provider: env.PAYMENT_PROVIDER, wechatpay },
    orders: {
      paymentWindowMinutes: env.ORDER_PAYMENT_WINDOW_MINUTES,
      autoConfirmDays: env.AUTO_CONFIRM_DAYS,
      returnWindowDays: env.RETURN_WINDOW_DAYS,
      shippingFee: env.SHIPPING_FEE_FEN,
      freeShippingThreshold: env.FREE_SHIPPING_THRESHOLD_FEN === 0 ? null : env.FREE_SHIPPING_THRESHOLD_FEN,
    },
    referrals: { bindingDays: env.REFERRAL_BINDING_DAYS },
    jobs: { enabled: env.JOBS_ENABLED, intervalSeconds: env.JOB_INTERVAL_SECONDS },
    bodyLimit: env.BODY_LIMIT_BYTES,
    analytics: { batchesPerMinute: env.EVENT_BATCHES_PER_MINUTE, retentionDays: env.EVENT_RETENTION_DAYS },
    http: { corsOrigins, trustProxy },
    limits: {
      signIns: { perIp: env.SIGN_INS_PER_MINUTE_PER_IP, perDevice: env.SIGN_INS_PER_MINUTE_PER_DEVICE },
      shareOpens: { perIp: env.SHARE_OPENS_PER_MINUTE_PER_IP, perDevice: env.SHARE_OPENS_PER_MINUTE_PER_DEVICE },
    },
  };
}

/**
 * A hop count or the proxies' own addresses, never "trust everyone": X-Forwarded-For from anyone else is
 * a header a farmer can write, and every per-address limit would be theirs to reset.
 */
function readTrustProxy(text: string, problems: string[]): Config['http']['trustProxy'] {
  const value = text.trim();
  if (value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const proxies = value.split(',').map((p) => p.trim()).filter(Boolean);
  const notAddresses = proxies.filter((p) => !isIP(p.split('/')[0]!) || (p.includes('/') && !/^\d{1,3}$/.test(p.split('/')[1]!)));
  if (notAddresses.length > 0) problems.push(`TRUST_PROXY: not a hop count or an address/CIDR: ${notAddresses.join(', ')}`);
  return proxies;
}

function readWechatPay(env: Env, problems: string[]): NonNullable<Config['payment']['wechatpay']> | null {
  const required = ['WECHATPAY_MCHID', 'WECHATPAY_APPID', 'WECHATPAY_MERCHANT_SERIAL', 'WECHATPAY_MERCHANT_PRIVATE_KEY',
    'WECHATPAY_APIV3_KEY', 'WECHATPAY_PLATFORM_PUBLIC_KEYS', 'WECHATPAY_NOTIFY_URL'] as const;
  const missing = required.filter((k) => !env[k]);
  if (missing.length > 0) {
    problems.push(`${missing.join(', ')}: required when PAYMENT_PROVIDER=wechatpay`);
    return null;
  }
  let keys: unknown;
  try {
    keys = JSON.parse(env.WECHATPAY_PLATFORM_PUBLIC_KEYS!);
  } catch {
    problems.push('WECHATPAY_PLATFORM_PUBLIC_KEYS: must be a JSON object of serial → PEM');
    return null;
  }
  const pems = typeof keys === 'object' && keys !== null && !Array.isArray(keys) ? Object.values(keys) : [];
  // Without one platform key no payment notification can ever be verified.
  if (pems.length === 0 || !pems.every((v) => typeof v === 'string')) {
    problems.push('WECHATPAY_PLATFORM_PUBLIC_KEYS: must be a JSON object of serial → PEM');
    return null;
  }
  return {
    mchid: env.WECHATPAY_MCHID!, appid: env.WECHATPAY_APPID!, merchantSerial: env.WECHATPAY_MERCHANT_SERIAL!,
    merchantPrivateKey: env.WECHATPAY_MERCHANT_PRIVATE_KEY!, apiV3Key: env.WECHATPAY_APIV3_KEY!,
    platformPublicKeys: keys as Record<string, string>, notifyUrl: env.WECHATPAY_NOTIFY_URL!, baseUrl: env.WECHATPAY_BASE_URL,
  };
}

/**
 * Environment values are text. TypeBox's own conversion truncates ("8.5" → 8, "1e3" → 1): a fee or a
 * port typed wrongly must be refused, not quietly changed, so only plain integers become numbers.
 * Anything not converted stays text and fails validation with the variable's name.
 */
function fromText(schema: TSchema, text: string): unknown {
  if (KindGuard.IsInteger(schema) && /^-?\d+$/.test(text.trim())) return Number(text);
  if (KindGuard.IsBoolean(schema)) {
    const word = text.trim().toLowerCase();
    if (word === 'true' || word === '1') return true;
    if (word === 'false' || word === '0') return false;
  }
  return text;
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
