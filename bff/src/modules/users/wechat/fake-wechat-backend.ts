import { randomBytes } from 'node:crypto';
import { renderFakeWxacode } from './fake-wxacode-png';

export interface FakeWechatOptions {
  appid: string;
  secret: string;
  /** Clock in ms, for code expiry, token expiry and the minute quota. */
  now?: () => number;
  /** Lifetime of an access token; WeChat's is 7200 s. */
  tokenTtlSeconds?: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

type JsonObject = Record<string, unknown>;

export type FakeAnswer =
  | { status: number; contentType: 'application/json'; body: JsonObject }
  | { status: 200; contentType: 'image/png'; body: Buffer };

export interface FakeWechatControls {
  /** What wx.login would hand the mini-program for this user: a one-time js_code. */
  issueLoginCode(openid: string, opts?: { unionid?: string }): string;
  /** What the getPhoneNumber button would hand the mini-program: a one-time phone code. */
  issuePhoneCode(purePhoneNumber: string, opts?: { countryCode?: string }): string;
  /** This user's logins are refused from now on (40226), as for a high-risk account. */
  markRisky(openid: string): void;
  /** At most `perMinute` calls per API per rolling minute; null lifts the limit. */
  setRateLimit(perMinute: number | null): void;
  /** Every access token stops working, as when another server force-refreshes the token. */
  invalidateAccessTokens(): void;
}

export interface FakeWechatBackend extends FakeWechatControls {
  handle(request: FakeRequest): FakeAnswer;
}

// Both wx.login and getPhoneNumber codes are documented as valid for five minutes, once.
const CODE_TTL_MS = 5 * 60_000;
// After /cgi-bin/token issues a new token the previous one keeps working this long.
const CLASSIC_TOKEN_OVERLAP_MS = 5 * 60_000;
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
const ENV_VERSIONS: ReadonlySet<unknown> = new Set(['release', 'trial', 'develop']);
const MIN_WIDTH = 280;
const MAX_WIDTH = 1280;
const DEFAULT_WIDTH = 430;

/** A WeChat answer other than success; thrown inside a handler, turned into the errcode body. */
class Refusal {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {}
}

interface OneTimeCode<T> {
  value: T;
  issuedAt: number;
  used: boolean;
}

interface LoginGrant {
  openid: string;
  unionid: string | null;
}

interface PhoneGrant {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

interface Route {
  method: 'GET' | 'POST';
  handle(request: FakeRequest): FakeAnswer;
}

/** The in-memory WeChat: state and the documented rules of each endpoint, without HTTP. */
export function createFakeWechatBackend(options: FakeWechatOptions): FakeWechatBackend {
  const now = options.now ?? Date.now;
  const tokenTtlMs = (options.tokenTtlSeconds ?? 7200) * 1000;
  const loginCodes = new Map<string, OneTimeCode<LoginGrant>>();
  const phoneCodes = new Map<string, OneTimeCode<PhoneGrant>>();
  const risky = new Set<string>();
  const tokens = new Map<string, { expiresAt: number; superseded: boolean }>();
  let stableToken: string | null = null;
  let classicToken: string | null = null;
  let perMinute: number | null = null;
  const recentCalls = new Map<string, number[]>();

  function checkApp(appid: unknown, secret: unknown): void {
    if (typeof appid !== 'string' || appid === '') throw new Refusal(41002, 'appid missing');
    if (appid !== options.appid) throw new Refusal(40013, 'invalid appid');
    if (typeof secret !== 'string' || secret === '') throw new Refusal(41004, 'appsecret missing');
    if (secret !== options.secret) throw new Refusal(40125, 'invalid appsecret');
  }

  function checkAccessToken(query: URLSearchParams): void {
    const token = query.get('access_token');
    if (!token) throw new Refusal(41001, 'access_token missing');
    const record = tokens.get(token);
    if (record === undefined || (record.superseded && now() >= record.expiresAt)) {
      throw new Refusal(40001, 'invalid credential, access_token is invalid or not latest');
    }
    if (now() >= record.expiresAt) throw new Refusal(42001, 'access_token expired');
  }

  function consumeQuota(api: string, errcode: number, errmsg: string): void {
    if (perMinute === null) return;
    const at = now();
    const recent = (recentCalls.get(api) ?? []).filter((t) => at - t < 60_000);
    if (recent.length >= perMinute) {
      recentCalls.set(api, recent);
      throw new Refusal(errcode, errmsg);
    }
    recentCalls.set(api, [...recent, at]);
  }

  function redeem<T>(codes: Map<string, OneTimeCode<T>>, code: string, usedErrcode: number, usedErrmsg: string): T {
    const entry = codes.get(code);
    if (!entry || now() - entry.issuedAt >= CODE_TTL_MS) throw new Refusal(40029, 'invalid code');
    if (entry.used) throw new Refusal(usedErrcode, usedErrmsg);
    entry.used = true;
    return entry.value;
  }

  function newToken(): { access_token: string; expires_in: number } {
    const token = randomBytes(48).toString('base64url');
    tokens.set(token, { expiresAt: now() + tokenTtlMs, superseded: false });
    return { access_token: token, expires_in: tokenTtlMs / 1000 };
  }

  const routes: Record<string, Route> = {
    '/sns/jscode2session': {
      method: 'GET',
      handle({ query }) {
        checkApp(query.get('appid'), query.get('secret'));
        if (query.get('grant_type') !== 'authorization_code') throw new Refusal(40002, 'invalid grant_type');
        const jsCode = query.get('js_code');
        if (!jsCode) throw new Refusal(41008, 'missing code');
        consumeQuota('jscode2session', 45011, 'api minute-quota reach limit mustslower retry next minute');
        const grant = redeem(loginCodes, jsCode, 40163, 'code been used');
        if (risky.has(grant.openid)) throw new Refusal(40226, 'code blocked');
        // The live API answers success without errcode (the doc's example shows errcode 0).
        const session: JsonObject = { session_key: randomBytes(16).toString('base64'), openid: grant.openid };
        if (grant.unionid !== null) session['unionid'] = grant.unionid;
        return json(session);
      },
    },

    '/cgi-bin/token': {
      method: 'GET',
      handle({ query }) {
        if (query.get('grant_type') !== 'client_credential') throw new Refusal(40002, 'invalid grant_type');
        checkApp(query.get('appid'), query.get('secret'));
        const previous = classicToken === null ? undefined : tokens.get(classicToken);
        if (previous) {
          previous.expiresAt = Math.min(previous.expiresAt, now() + CLASSIC_TOKEN_OVERLAP_MS);
          previous.superseded = true;
        }
        const issued = newToken();
        classicToken = issued.access_token;
        return json(issued);
      },
    },

    '/cgi-bin/stable_token': {
      method: 'POST',
      handle({ body }) {
        const payload = parseJsonBody(body, new Refusal(47001, 'data format error'));
        if (payload['grant_type'] !== 'client_credential') throw new Refusal(40002, 'invalid grant_type');
        checkApp(payload['appid'], payload['secret']);
        const current = stableToken === null ? undefined : tokens.get(stableToken);
        if (payload['force_refresh'] !== true && stableToken !== null && current && now() < current.expiresAt) {
          return json({ access_token: stableToken, expires_in: Math.ceil((current.expiresAt - now()) / 1000) });
        }
        if (stableToken !== null) tokens.delete(stableToken);
        const issued = newToken();
        stableToken = issued.access_token;
        return json(issued);
      },
    },

    '/wxa/business/getuserphonenumber': {
      method: 'POST',
      handle({ query, body }) {
        checkAccessToken(query);
        const payload = parseJsonBody(body, new Refusal(47001, 'data format error'));
        consumeQuota('getuserphonenumber', 45011, 'api minute-quota reach limit mustslower retry next minute');
        const code = payload['code'];
        if (typeof code !== 'string' || code === '') throw new Refusal(41008, 'missing code');
        // A phone code used twice is just an invalid code here; there is no "been used" errcode.
        const phone = redeem(phoneCodes, code, 40029, 'invalid code');
        return json({
          errcode: 0,
          errmsg: 'ok',
          phone_info: { ...phone, watermark: { timestamp: Math.floor(now() / 1000), appid: options.appid } },
        });
      },
    },

    '/wxa/getwxacodeunlimit': {
      method: 'POST',
      handle({ query, body }) {
        checkAccessToken(query);
        const payload = parseJsonBody(body, new Refusal(40169, 'invalid length for scene, or the data is not json string'));
        consumeQuota('getwxacodeunlimit', 45009, 'reach max api daily quota limit');
        const { scene, page, width, check_path: checkPath, env_version: envVersion } = payload;
        if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
          throw new Refusal(40169, 'invalid length for scene, or the data is not json string');
        }
        if (!SCENE_CHARS.test(scene)) throw new Refusal(40129, 'invalid scene');
        if (page !== undefined && (typeof page !== 'string' || page === '' || page.startsWith('/') || page.includes('?'))) {
          throw new Refusal(41030, 'invalid page');
        }
        const badWidth = width !== undefined && typeof width !== 'number';
        const badCheckPath = checkPath !== undefined && typeof checkPath !== 'boolean';
        const badEnv = envVersion !== undefined && !ENV_VERSIONS.has(envVersion);
        if (badWidth || badCheckPath || badEnv) throw new Refusal(40097, 'invalid args');
        const size = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, typeof width === 'number' ? width : DEFAULT_WIDTH));
        const key = `${scene}|${typeof page === 'string' ? page : ''}|${typeof envVersion === 'string' ? envVersion : 'release'}`;
        return { status: 200, contentType: 'image/png', body: renderFakeWxacode(key, size) };
      },
    },
  };

  return {
    handle(request) {
      const route = routes[request.path];
      if (!route) return { status: 404, contentType: 'application/json', body: { errcode: -1, errmsg: 'no such api' } };
      try {
        if (request.method !== route.method) {
          throw route.method === 'GET' ? new Refusal(43001, 'require GET method') : new Refusal(43002, 'require POST method');
        }
        return route.handle(request);
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        return json({ errcode: err.errcode, errmsg: `${err.errmsg}, rid: ${randomBytes(4).toString('hex')}` });
      }
    },

    issueLoginCode(openid, opts) {
      const code = randomBytes(16).toString('hex');
      loginCodes.set(code, { value: { openid, unionid: opts?.unionid ?? null }, issuedAt: now(), used: false });
      return code;
    },

    issuePhoneCode(purePhoneNumber, opts) {
      const countryCode = opts?.countryCode ?? '86';
      const phoneNumber = countryCode === '86' ? purePhoneNumber : `+${countryCode}${purePhoneNumber}`;
      const code = randomBytes(32).toString('hex');
      phoneCodes.set(code, { value: { phoneNumber, purePhoneNumber, countryCode }, issuedAt: now(), used: false });
      return code;
    },

    markRisky(openid) {
      risky.add(openid);
    },

    setRateLimit(limit) {
      perMinute = limit;
      recentCalls.clear();
    },

    invalidateAccessTokens() {
      tokens.clear();
      stableToken = null;
      classicToken = null;
    },
  };
}

function json(body: JsonObject): FakeAnswer {
  return { status: 200, contentType: 'application/json', body };
}

function parseJsonBody(body: string, refusal: Refusal): JsonObject {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isObject(parsed)) return parsed;
  } catch {
    // falls through to the refusal WeChat gives for a body that is not JSON
  }
  throw refusal;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
