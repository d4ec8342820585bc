import type { DevLoginBody, Me, ShopperSession, TokenPair, WechatLoginBody } from '@linli/shared/schemas/auth';
import { ApiError, apiErrorFromResponse } from './api-error';
import type { QueryValue } from './query-string';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OutgoingRequest {
  path: string;
  method: HttpMethod;
  query: Record<string, QueryValue>;
  body: unknown;
  /** the access token for the Authorization header; null sends none */
  token: string | null;
  /** extra request headers, e.g. the Idempotency-Key of an order */
  headers?: Record<string, string>;
}

export interface IncomingResponse {
  statusCode: number;
  data: unknown;
}

/** Puts one request on the wire; rejects only when no answer came (an ApiError with status 0). */
export type Send = (request: OutgoingRequest) => Promise<IncomingResponse>;

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** the profile from the last login; refreshes do not resend it */
  user: Me | null;
}

export interface SessionStore {
  read(): StoredSession | null;
  write(session: StoredSession): void;
  clear(): void;
}

/** How this platform logs in: the route and its body (a wx.login code, or a dev-login device name). */
export type LoginRequest =
  | { path: '/api/auth/wechat-login'; body: WechatLoginBody }
  | { path: '/api/auth/dev-login'; body: DevLoginBody };

/** none: never send a token; optional: send one if signed in; required: sign in first if needed. */
export type AuthMode = 'none' | 'optional' | 'required';

export interface ApiCall {
  path: string;
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  body?: unknown;
  auth?: AuthMode;
  headers?: Record<string, string>;
}

const UNAUTHORIZED = 401;

/** A sign-in refused on the device because the shopper did not accept the privacy notice. */
export const PRIVACY_DECLINED = 'PRIVACY_DECLINED';

/**
 * The shopper's session: keeps the token pair, logs in when a call needs it, and renews an expired
 * access token. A 401 triggers one refresh and one retry. Refresh tokens rotate and reusing a spent
 * one revokes the whole family, so every 401 that arrives while a refresh runs waits for that
 * same refresh, and a 401 for a token that was already replaced simply retries with the new one.
 */
export function createAuthSession(deps: {
  send: Send;
  store: SessionStore;
  loginRequest: () => Promise<LoginRequest>;
  /** resolves whether the shopper accepts the privacy notice; every login waits on it */
  consent?: () => Promise<boolean>;
}) {
  const { send, store, loginRequest, consent = async () => true } = deps;
  let login: Promise<StoredSession> | null = null;
  let renewal: Promise<StoredSession> | null = null;

  async function call(request: Omit<OutgoingRequest, 'token'>, token: string | null): Promise<IncomingResponse> {
    return send({ ...request, token });
  }

  function bodyOf<T>(response: IncomingResponse): T {
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw apiErrorFromResponse(response.statusCode, response.data);
    }
    return response.data as T;
  }

  async function logIn(): Promise<StoredSession> {
    if (!(await consent())) throw new ApiError(0, PRIVACY_DECLINED, '同意用户协议和隐私政策后才能登录');
    const { path, body } = await loginRequest();
    const session = bodyOf<ShopperSession>(await call({ path, method: 'POST', query: {}, body }, null));
    const stored = { accessToken: session.accessToken, refreshToken: session.refreshToken, user: session.user };
    store.write(stored);
    return stored;
  }

  /** One login at a time, shared by every caller that needs it. */
  function signIn(): Promise<StoredSession> {
    login ??= logIn().finally(() => {
      login = null;
    });
    return login;
  }

  async function refresh(spent: StoredSession): Promise<StoredSession> {
    const response = await call(
      { path: '/api/auth/refresh', method: 'POST', query: {}, body: { refreshToken: spent.refreshToken } },
      null,
    );
    if (response.statusCode === UNAUTHORIZED) {
      // The refresh token expired or its family was revoked: start over with a fresh login.
      store.clear();
      return signIn();
    }
    const pair = bodyOf<TokenPair>(response);
    const stored = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: spent.user };
    store.write(stored);
    return stored;
  }

  /** The session to retry with after `rejected` got a 401. */
  function renewAfter(rejected: string): Promise<StoredSession> {
    const current = store.read();
    if (current !== null && current.accessToken !== rejected) return Promise.resolve(current);
    if (renewal === null) {
      const spent = current;
      renewal = (spent === null ? signIn() : refresh(spent)).finally(() => {
        renewal = null;
      });
    }
    return renewal;
  }

  async function request<T>(apiCall: ApiCall): Promise<T> {
    const { path, method = 'GET', query = {}, body, auth = 'none', headers } = apiCall;
    const outgoing = headers === undefined ? { path, method, query, body } : { path, method, query, body, headers };
    if (auth === 'none') return bodyOf<T>(await call(outgoing, null));

    let session = store.read();
    if (session === null && auth === 'required') session = await signIn();
    if (session === null) return bodyOf<T>(await call(outgoing, null));

    const first = await call(outgoing, session.accessToken);
    if (first.statusCode !== UNAUTHORIZED) return bodyOf<T>(first);
    const renewed = await renewAfter(session.accessToken);
    return bodyOf<T>(await call(outgoing, renewed.accessToken));
  }

  return {
    request,
    /** Signs in unless a session is already stored; resolves with it. */
    ensureSignedIn: async (): Promise<StoredSession> => store.read() ?? signIn(),
    currentUser: (): Me | null => store.read()?.user ?? null,
  };
}

export type AuthSession = ReturnType<typeof createAuthSession>;
