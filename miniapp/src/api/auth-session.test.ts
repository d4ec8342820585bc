import { ApiError } from './api-error';
import {
  PRIVACY_DECLINED,
  createAuthSession,
  type IncomingResponse,
  type LoginRequest,
  type OutgoingRequest,
  type SessionStore,
  type StoredSession,
} from './auth-session';

const user = { id: '7d3c1a2b-0e9f-4a8b-9c7d-6e5f4a3b2c1d', nickname: '访客', avatarUrl: '', phoneMasked: null };

/** A BFF in memory: rotating refresh tokens, access tokens it can expire at will. */
class FakeBff {
  private serial = 0;
  readonly validAccess = new Set<string>();
  readonly validRefresh = new Set<string>();
  readonly calls: OutgoingRequest[] = [];
  /** resolves pending refreshes only when released, so tests can overlap requests with one */
  refreshGate: Promise<void> = Promise.resolve();

  count(path: string): number {
    return this.calls.filter((c) => c.path === path).length;
  }

  issue() {
    this.serial += 1;
    const pair = { accessToken: `access-${this.serial}`, refreshToken: `refresh-${this.serial}`, expiresIn: 900 };
    this.validAccess.add(pair.accessToken);
    this.validRefresh.add(pair.refreshToken);
    return pair;
  }

  expireAccessTokens() {
    this.validAccess.clear();
  }

  send = async (request: OutgoingRequest): Promise<IncomingResponse> => {
    this.calls.push(request);
    if (request.path === '/api/auth/dev-login') return { statusCode: 200, data: { ...this.issue(), user } };
    if (request.path === '/api/auth/refresh') {
      await this.refreshGate;
      const { refreshToken } = request.body as { refreshToken: string };
      if (!this.validRefresh.delete(refreshToken)) return unauthorized;
      return { statusCode: 200, data: this.issue() };
    }
    if (request.path === '/api/open') return { statusCode: 200, data: { token: request.token } };
    if (request.token === null || !this.validAccess.has(request.token)) return unauthorized;
    return { statusCode: 200, data: { token: request.token } };
  };
}

const unauthorized = { statusCode: 401, data: { error: { code: 'UNAUTHORIZED', message: '请先登录' } } };

function memoryStore(initial: StoredSession | null = null): SessionStore & { value: StoredSession | null } {
  return {
    value: initial,
    read() {
      return this.value;
    },
    write(session) {
      this.value = session;
    },
    clear() {
      this.value = null;
    },
  };
}

const devLogin = async (): Promise<LoginRequest> => ({ path: '/api/auth/dev-login', body: { name: '访客-abc123' } });

function setUp() {
  const bff = new FakeBff();
  const store = memoryStore();
  const session = createAuthSession({ send: bff.send, store, loginRequest: devLogin });
  return { bff, store, session };
}

describe('createAuthSession', () => {
  it('logs in before the first call that needs a shopper and keeps the tokens', async () => {
    const { bff, store, session } = setUp();
    await expect(session.request({ path: '/api/me', auth: 'required' })).resolves.toEqual({ token: 'access-1' });
    expect(bff.count('/api/auth/dev-login')).toBe(1);
    expect(store.value).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1', user });
  });

  it('refreshes once on a 401 and retries with the new access token', async () => {
    const { bff, store, session } = setUp();
    await session.ensureSignedIn();
    bff.expireAccessTokens();
    await expect(session.request({ path: '/api/me', auth: 'required' })).resolves.toEqual({ token: 'access-2' });
    expect(bff.count('/api/auth/refresh')).toBe(1);
    expect(store.value).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2', user });
  });

  it('shares one refresh between requests that get a 401 at the same time', async () => {
    const { bff, session } = setUp();
    await session.ensureSignedIn();
    bff.expireAccessTokens();
    let release = () => {};
    bff.refreshGate = new Promise((resolve) => {
      release = resolve;
    });
    const pending = [1, 2, 3].map(() => session.request<{ token: string }>({ path: '/api/me', auth: 'required' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    const answers = await Promise.all(pending);
    expect(answers.map((a) => a.token)).toEqual(['access-2', 'access-2', 'access-2']);
    expect(bff.count('/api/auth/refresh')).toBe(1);
  });

  it('retries with the already renewed token, without spending the rotated refresh token again', async () => {
    const { bff, session, store } = setUp();
    await session.ensureSignedIn();
    bff.expireAccessTokens();
    const stale = bff.send;
    // The first answer arrives only after another request has already renewed the session.
    let first = true;
    bff.send = async (request) => {
      if (first && request.path === '/api/me') {
        first = false;
        await session.request({ path: '/api/cart', auth: 'required' });
        return unauthorized;
      }
      return stale(request);
    };
    const renewing = createAuthSession({ send: (r) => bff.send(r), store, loginRequest: devLogin });
    await expect(renewing.request({ path: '/api/me', auth: 'required' })).resolves.toEqual({ token: 'access-2' });
    expect(bff.count('/api/auth/refresh')).toBe(1);
  });

  it('sends the caller’s headers (an Idempotency-Key) again on the retry after a refresh', async () => {
    const { bff, session } = setUp();
    await session.ensureSignedIn();
    bff.expireAccessTokens();
    await session.request({ path: '/api/orders', method: 'POST', auth: 'required', headers: { 'Idempotency-Key': 'co-abc12345' } });
    const sent = bff.calls.filter((c) => c.path === '/api/orders');
    expect(sent.map((c) => c.headers)).toEqual([{ 'Idempotency-Key': 'co-abc12345' }, { 'Idempotency-Key': 'co-abc12345' }]);
  });

  it('logs in again when the refresh token is refused, then retries', async () => {
    const { bff, session } = setUp();
    await session.ensureSignedIn();
    bff.expireAccessTokens();
    bff.validRefresh.clear();
    await expect(session.request({ path: '/api/me', auth: 'required' })).resolves.toEqual({ token: 'access-2' });
    expect(bff.count('/api/auth/dev-login')).toBe(2);
  });

  it('gives up with the BFF error after one retry instead of looping', async () => {
    const { bff, session } = setUp();
    await session.ensureSignedIn();
    bff.validAccess.add = () => bff.validAccess;
    bff.expireAccessTokens();
    const failure = session.request({ path: '/api/me', auth: 'required' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(bff.count('/api/me')).toBe(2);
  });

  it('sends an optional-auth call anonymously when nobody is signed in, without logging in', async () => {
    const { bff, session } = setUp();
    await expect(session.request({ path: '/api/open', method: 'POST', auth: 'optional' })).resolves.toEqual({ token: null });
    expect(bff.count('/api/auth/dev-login')).toBe(0);
  });

  it('shares one login between calls made before anyone signed in', async () => {
    const { bff, session } = setUp();
    await Promise.all([session.request({ path: '/api/me', auth: 'required' }), session.request({ path: '/api/cart', auth: 'required' })]);
    expect(bff.count('/api/auth/dev-login')).toBe(1);
  });

  it('waits for the privacy notice to be accepted before logging in', async () => {
    const bff = new FakeBff();
    let answer: (accepted: boolean) => void = () => undefined;
    const consent = () =>
      new Promise<boolean>((resolve) => {
        answer = resolve;
      });
    const session = createAuthSession({ send: bff.send, store: memoryStore(), loginRequest: devLogin, consent });
    const pending = session.request({ path: '/api/me', auth: 'required' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bff.calls).toEqual([]);
    answer(true);
    await expect(pending).resolves.toEqual({ token: 'access-1' });
  });

  it('does not log in, and fails the call, when the privacy notice is declined', async () => {
    const bff = new FakeBff();
    const store = memoryStore();
    const session = createAuthSession({ send: bff.send, store, loginRequest: devLogin, consent: async () => false });
    await expect(session.request({ path: '/api/me', auth: 'required' })).rejects.toMatchObject({ code: PRIVACY_DECLINED });
    expect(bff.calls).toEqual([]);
    expect(store.value).toBeNull();
  });
});
