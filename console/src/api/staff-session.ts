import type { ChangePasswordBody, StaffLoginBody, StaffProfile, StaffSession, TokenPair } from '@linli/shared/schemas/auth';
import { ApiError, SESSION_EXPIRED, apiErrorFromResponse } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface OutgoingRequest {
  path: string;
  method: HttpMethod;
  query: Record<string, string>;
  body: unknown;
  /** the access token for the Authorization header; null sends none */
  token: string | null;
  /** 'file': a 2xx answer is read as a Blob, with its headers; errors are JSON either way */
  accept?: 'json' | 'file';
}

export interface IncomingResponse {
  status: number;
  data: unknown;
  /** a file answer's headers, names in lower case */
  headers?: Record<string, string>;
}

/** A file the BFF sent (an export), with the headers that name and describe it. */
export interface DownloadedFile {
  blob: Blob;
  headers: Record<string, string>;
}

/** Puts one request on the wire; rejects only when no answer came (an ApiError with status 0). */
export type Send = (request: OutgoingRequest) => Promise<IncomingResponse>;

export interface StoredStaffSession {
  accessToken: string;
  refreshToken: string;
  /** the profile from the last login or /me; refreshes do not resend it */
  staff: StaffProfile;
}

export interface SessionStore {
  read(): StoredStaffSession | null;
  write(session: StoredStaffSession): void;
  clear(): void;
}

export interface ApiCall {
  path: string;
  method?: HttpMethod;
  query?: Record<string, string>;
  body?: unknown;
  accept?: 'json' | 'file';
}

const UNAUTHORIZED = 401;

function bodyOf<T>(response: IncomingResponse): T {
  if (response.status < 200 || response.status >= 300) throw apiErrorFromResponse(response.status, response.data);
  return response.data as T;
}

const expired = () => new ApiError(UNAUTHORIZED, SESSION_EXPIRED, '登录已过期，请重新登录');

/**
 * A staff member's console session: keeps the token pair, sends the access token, and renews it
 * once when the BFF answers 401. Refresh tokens rotate and reusing a spent one revokes the whole
 * family, so every 401 that arrives while a refresh runs waits for that same refresh, and a 401 for
 * a token that was already replaced simply retries with the new one. A refused refresh signs out.
 */
export function createStaffSession(deps: { send: Send; store: SessionStore }) {
  const { send, store } = deps;
  const listeners = new Set<(staff: StaffProfile | null) => void>();
  let renewal: Promise<StoredStaffSession> | null = null;

  function save(session: StoredStaffSession) {
    store.write(session);
    for (const listener of listeners) listener(session.staff);
  }

  function signOutLocally() {
    store.clear();
    for (const listener of listeners) listener(null);
  }

  function fromStaffSession(session: StaffSession): StoredStaffSession {
    return { accessToken: session.accessToken, refreshToken: session.refreshToken, staff: session.staff };
  }

  async function refresh(spent: StoredStaffSession): Promise<StoredStaffSession> {
    const response = await send({
      path: '/api/console/auth/refresh',
      method: 'POST',
      query: {},
      body: { refreshToken: spent.refreshToken },
      token: null,
    });
    // 401: expired or revoked; 403: the account was deactivated. Either way this session is over.
    if (response.status === UNAUTHORIZED || response.status === 403) {
      signOutLocally();
      throw response.status === UNAUTHORIZED ? expired() : apiErrorFromResponse(response.status, response.data);
    }
    const pair = bodyOf<TokenPair>(response);
    const renewed = { accessToken: pair.accessToken, refreshToken: pair.refreshToken, staff: spent.staff };
    save(renewed);
    return renewed;
  }

  /** The session to retry with after `rejected` got a 401. */
  function renewAfter(rejected: string): Promise<StoredStaffSession> {
    const current = store.read();
    if (current === null) return Promise.reject(expired());
    if (current.accessToken !== rejected) return Promise.resolve(current);
    renewal ??= refresh(current).finally(() => {
      renewal = null;
    });
    return renewal;
  }

  /** Sends the staff token, renews it once on 401; the answer as it came. */
  async function exchange(call: ApiCall): Promise<IncomingResponse> {
    const outgoing = { path: call.path, method: call.method ?? 'GET', query: call.query ?? {}, body: call.body, accept: call.accept ?? 'json' };
    const session = store.read();
    if (session === null) {
      signOutLocally();
      throw expired();
    }
    const first = await send({ ...outgoing, token: session.accessToken });
    if (first.status !== UNAUTHORIZED) return first;
    const renewed = await renewAfter(session.accessToken);
    const second = await send({ ...outgoing, token: renewed.accessToken });
    if (second.status === UNAUTHORIZED) signOutLocally();
    return second;
  }

  /** A console route answering JSON; rejects with an ApiError. */
  async function request<T>(call: ApiCall): Promise<T> {
    return bodyOf<T>(await exchange(call));
  }

  return {
    request,

    /** A console route answering a file (an export): the same token handling; rejects with an ApiError. */
    async download(call: ApiCall): Promise<DownloadedFile> {
      const response = await exchange({ ...call, accept: 'file' });
      return { blob: bodyOf<Blob>(response), headers: response.headers ?? {} };
    },

    async logIn(body: StaffLoginBody): Promise<StaffProfile> {
      const response = await send({ path: '/api/console/auth/login', method: 'POST', query: {}, body, token: null });
      const session = fromStaffSession(bodyOf<StaffSession>(response));
      save(session);
      return session.staff;
    },

    /** Ends the session on this device whatever the BFF answers, and revokes it there when it can. */
    async logOut(): Promise<void> {
      const session = store.read();
      signOutLocally();
      if (session === null) return;
      await send({ path: '/api/console/auth/logout', method: 'POST', query: {}, body: { refreshToken: session.refreshToken }, token: null }).catch(
        () => undefined,
      );
    },

    /** The BFF signs out every other session of the account and hands this one a new token pair. */
    async changePassword(body: ChangePasswordBody): Promise<void> {
      save(fromStaffSession(await request<StaffSession>({ path: '/api/console/me/password', method: 'POST', body })));
    },

    /** Re-reads the profile (a role changed by the owner shows from here on). */
    async reloadProfile(): Promise<StaffProfile> {
      const staff = await request<StaffProfile>({ path: '/api/console/me' });
      const current = store.read();
      if (current !== null) save({ ...current, staff });
      return staff;
    },

    current: (): StaffProfile | null => store.read()?.staff ?? null,

    /** Called with the profile on every sign-in and renewal, and with null on sign-out. */
    subscribe(listener: (staff: StaffProfile | null) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type StaffSessionClient = ReturnType<typeof createStaffSession>;
