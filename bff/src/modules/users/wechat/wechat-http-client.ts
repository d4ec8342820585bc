import { inspect } from 'node:util';
import { createAccessTokenCache, type IssuedToken } from './access-token-cache';
import {
  WechatApiError,
  WechatErrcode,
  type UnlimitedCodeInput,
  type WechatApi,
  type WechatPhone,
  type WechatSession,
} from './wechat-api';

export interface WechatHttpClientOptions {
  appid: string;
  /** The AppSecret. Only ever sent to WeChat; scrubbed from every error. */
  secret: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Clock for the token cache, in ms. */
  now?: () => number;
}

type JsonObject = Record<string, unknown>;

interface RawResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

const TOKEN_REJECTED: ReadonlySet<number> = new Set([WechatErrcode.invalidCredential, WechatErrcode.accessTokenExpired]);

export function createWechatHttpClient(options: WechatHttpClientOptions): WechatApi {
  const { appid, secret } = options;
  const baseUrl = (options.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 5000;
  const tokens = createAccessTokenCache(fetchStableToken, options.now ?? Date.now);

  // As sent in a query string the secret may appear URL-encoded, so cut out both spellings.
  const secretSpellings = [...new Set([secret, encodeURIComponent(secret)])].filter((s) => s !== '');
  function scrub(text: string): string {
    return secretSpellings.reduce((safe, spelling) => safe.split(spelling).join('[redacted]'), text);
  }

  async function request(api: string, url: string, init: RequestInit): Promise<RawResponse> {
    try {
      const res = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
    } catch (err) {
      // The error (or its cause) may quote the URL, whose query holds the AppSecret for some APIs:
      // keep only a scrubbed description and drop the original.
      throw new WechatApiError(api, WechatErrcode.systemBusy, scrub(describeFailure(err, timeoutMs)));
    }
  }

  function parseJson(api: string, res: RawResponse): JsonObject {
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body.toString('utf8'));
    } catch {
      parsed = null;
    }
    if (!isObject(parsed)) {
      throw new WechatApiError(api, WechatErrcode.systemBusy, `unexpected answer: HTTP ${res.status} ${res.contentType}`);
    }
    const errcode = parsed['errcode'];
    if (typeof errcode === 'number' && errcode !== 0) {
      const errmsg = parsed['errmsg'];
      throw new WechatApiError(api, errcode, scrub(typeof errmsg === 'string' ? errmsg : ''));
    }
    return parsed;
  }

  function postJson(api: string, path: string, query: URLSearchParams, payload: JsonObject): Promise<RawResponse> {
    const search = query.size > 0 ? `?${query}` : '';
    return request(api, `${baseUrl}${path}${search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  }

  // The stable token is the one WeChat recommends: fetching it again while it is valid returns the
  // same token, so a second BFF instance does not invalidate ours. Normal mode only: force_refresh
  // has a daily quota of a few dozen calls and kills the token for every other instance.
  async function fetchStableToken(): Promise<IssuedToken> {
    const api = 'getStableAccessToken';
    const res = await postJson(api, '/cgi-bin/stable_token', new URLSearchParams(), {
      grant_type: 'client_credential',
      appid,
      secret,
      force_refresh: false,
    });
    const json = parseJson(api, res);
    const token = json['access_token'];
    const expiresIn = json['expires_in'];
    if (typeof token !== 'string' || typeof expiresIn !== 'number') throw malformed(api);
    return { token, expiresInSeconds: expiresIn };
  }

  async function withAccessToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await tokens.get();
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof WechatApiError) || !TOKEN_REJECTED.has(err.errcode)) throw err;
      tokens.invalidate(token);
      return call(await tokens.get());
    }
  }

  return {
    async code2Session(jsCode) {
      const api = 'code2Session';
      const query = new URLSearchParams({ appid, secret, js_code: jsCode, grant_type: 'authorization_code' });
      const json = parseJson(api, await request(api, `${baseUrl}/sns/jscode2session?${query}`, { method: 'GET' }));
      const openid = json['openid'];
      const sessionKey = json['session_key'];
      const unionid = json['unionid'];
      if (typeof openid !== 'string' || typeof sessionKey !== 'string') throw malformed(api);
      return hideSessionKeyFromLogs({ openid, unionid: typeof unionid === 'string' ? unionid : null, sessionKey });
    },

    getPhoneNumber(code) {
      const api = 'getPhoneNumber';
      return withAccessToken(async (token) => {
        const res = await postJson(api, '/wxa/business/getuserphonenumber', new URLSearchParams({ access_token: token }), { code });
        return toPhone(api, parseJson(api, res)['phone_info']);
      });
    },

    getUnlimitedCode(input) {
      const api = 'getUnlimitedQRCode';
      return withAccessToken(async (token) => {
        const res = await postJson(api, '/wxa/getwxacodeunlimit', new URLSearchParams({ access_token: token }), toCodeRequest(input));
        // Success is the image itself; a failure is a JSON errcode body.
        if (res.contentType.startsWith('image/')) return res.body;
        parseJson(api, res);
        throw malformed(api);
      });
    },
  };
}

function toCodeRequest(input: UnlimitedCodeInput): JsonObject {
  return {
    scene: input.scene,
    page: input.page,
    width: input.width,
    check_path: input.checkPath,
    env_version: input.envVersion,
  };
}

function toPhone(api: string, info: unknown): WechatPhone {
  if (!isObject(info)) throw malformed(api);
  const { phoneNumber, purePhoneNumber, countryCode } = info;
  // The field table says string, the documented example shows the number 86: accept both.
  if (typeof phoneNumber !== 'string' || typeof purePhoneNumber !== 'string') throw malformed(api);
  if (typeof countryCode !== 'string' && typeof countryCode !== 'number') throw malformed(api);
  return { phoneNumber, purePhoneNumber, countryCode: String(countryCode) };
}

/** A session logged by mistake (JSON or console) shows everything except the key. */
function hideSessionKeyFromLogs(session: WechatSession): WechatSession {
  const shown = { openid: session.openid, unionid: session.unionid, sessionKey: '[redacted]' };
  Object.defineProperty(session, 'toJSON', { value: () => shown });
  Object.defineProperty(session, inspect.custom, { value: () => shown });
  return session;
}

function malformed(api: string): WechatApiError {
  // Deliberately without the body: a half-valid answer may still carry a session_key.
  return new WechatApiError(api, WechatErrcode.systemBusy, 'malformed answer');
}

// Duck-typed rather than instanceof: fetch's errors may come from another realm (a test VM).
function describeFailure(err: unknown, timeoutMs: number): string {
  if (!isErrorLike(err)) return 'network error';
  if (err.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = isErrorLike(err.cause) ? `: ${err.cause.message}` : '';
  return `network error: ${err.message}${cause}`;
}

function isErrorLike(value: unknown): value is { name: string; message: string; cause?: unknown } {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'name') === 'string'
    && typeof Reflect.get(value, 'message') === 'string';
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
