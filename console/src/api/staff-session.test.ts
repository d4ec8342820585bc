import type { StaffProfile } from '@linli/shared/schemas/auth';
import { ApiError, SESSION_EXPIRED } from './api-error';
import { createStaffSession, type IncomingResponse, type OutgoingRequest, type SessionStore, type StoredStaffSession } from './staff-session';

const owner: StaffProfile = { id: '00000000-0000-4000-8000-000000000001', username: 'owner', displayName: '店主', role: 'owner' };

function memoryStore(initial: StoredStaffSession | null = null): SessionStore & { value: StoredStaffSession | null } {
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

/**
 * A BFF that accepts only its current access token, rotates refresh tokens, and revokes on reuse,
 * like the real one. `refreshAnswer` replaces the refresh route's answer when set.
 */
function fakeBff() {
  let generation = 1;
  const sent: OutgoingRequest[] = [];
  const bff = {
    sent,
    refreshAnswer: null as IncomingResponse | null,
    refreshes: () => sent.filter((r) => r.path === '/api/console/auth/refresh').length,
    async send(request: OutgoingRequest): Promise<IncomingResponse> {
      sent.push(request);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (request.path === '/api/console/auth/login') {
        return { status: 200, data: { accessToken: `a${generation}`, refreshToken: `r${generation}`, expiresIn: 900, staff: owner } };
      }
      if (request.path === '/api/console/auth/refresh') {
        if (bff.refreshAnswer) return bff.refreshAnswer;
        const { refreshToken } = request.body as { refreshToken: string };
        if (refreshToken !== `r${generation}`) return { status: 401, data: { error: { code: 'REFRESH_TOKEN_REUSED', message: '登录已失效' } } };
        generation++;
        return { status: 200, data: { accessToken: `a${generation}`, refreshToken: `r${generation}`, expiresIn: 900 } };
      }
      if (request.path === '/api/console/auth/logout') return { status: 200, data: { ok: true } };
      if (request.token !== `a${generation}`) return { status: 401, data: { error: { code: 'TOKEN_EXPIRED', message: '登录已过期' } } };
      if (request.accept === 'file') return { status: 200, data: new Blob([`file for ${request.token}`]), headers: { 'x-export-orders': '1' } };
      return { status: 200, data: { path: request.path, token: request.token } };
    },
  };
  return bff;
}

const signedIn = (accessToken = 'a1', refreshToken = 'r1'): StoredStaffSession => ({ accessToken, refreshToken, staff: owner });

describe('the staff session', () => {
  it('signs in with username and password and keeps the pair and the profile', async () => {
    const bff = fakeBff();
    const store = memoryStore();
    const session = createStaffSession({ send: bff.send, store });
    expect(await session.logIn({ username: 'owner', password: 'a-long-password' })).toEqual(owner);
    expect(store.value).toEqual({ accessToken: 'a1', refreshToken: 'r1', staff: owner });
    expect(session.current()).toEqual(owner);
  });

  it('sends the staff token as the bearer of every console call', async () => {
    const bff = fakeBff();
    const session = createStaffSession({ send: bff.send, store: memoryStore(signedIn()) });
    await session.request({ path: '/api/console/metrics', query: { from: '2025-05-01', to: '2025-05-07' } });
    expect(bff.sent[0]).toMatchObject({ path: '/api/console/metrics', method: 'GET', token: 'a1', query: { from: '2025-05-01', to: '2025-05-07' } });
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const bff = fakeBff();
    // The access token a0 has expired; r1 is still good.
    const store = memoryStore(signedIn('a0', 'r1'));
    const session = createStaffSession({ send: bff.send, store });
    const answer = await session.request<{ token: string }>({ path: '/api/console/me' });
    expect(answer.token).toBe('a2');
    expect(bff.refreshes()).toBe(1);
    expect(store.value?.refreshToken).toBe('r2');
  });

  it('downloads a file with the staff token, renewing it once on a 401 like any call', async () => {
    const bff = fakeBff();
    const session = createStaffSession({ send: bff.send, store: memoryStore(signedIn('a0', 'r1')) });
    const file = await session.download({ path: '/api/console/orders/export', query: { status: 'to_ship' } });
    expect(await file.blob.text()).toBe('file for a2');
    expect(file.headers).toEqual({ 'x-export-orders': '1' });
    expect(bff.refreshes()).toBe(1);
  });

  it('shares one refresh among concurrent calls that all got a 401', async () => {
    const bff = fakeBff();
    const session = createStaffSession({ send: bff.send, store: memoryStore(signedIn('a0', 'r1')) });
    const answers = await Promise.all([1, 2, 3, 4].map(() => session.request<{ token: string }>({ path: '/api/console/me' })));
    expect(answers.map((a) => a.token)).toEqual(['a2', 'a2', 'a2', 'a2']);
    expect(bff.refreshes()).toBe(1);
  });

  it('signs out and says the login expired when the refresh is refused', async () => {
    const bff = fakeBff();
    bff.refreshAnswer = { status: 401, data: { error: { code: 'REFRESH_TOKEN_EXPIRED', message: '登录已过期' } } };
    const store = memoryStore(signedIn('a0', 'r1'));
    const session = createStaffSession({ send: bff.send, store });
    const seen: Array<StaffProfile | null> = [];
    session.subscribe((staff) => seen.push(staff));
    await expect(session.request({ path: '/api/console/me' })).rejects.toMatchObject({ status: 401, code: SESSION_EXPIRED });
    expect(store.value).toBeNull();
    expect(seen).toEqual([null]);
  });

  it('signs out with the BFF reason when the account was deactivated', async () => {
    const bff = fakeBff();
    bff.refreshAnswer = { status: 403, data: { error: { code: 'STAFF_INACTIVE', message: '该账号已停用，请联系店主' } } };
    const store = memoryStore(signedIn('a0', 'r1'));
    const session = createStaffSession({ send: bff.send, store });
    await expect(session.request({ path: '/api/console/me' })).rejects.toMatchObject({ code: 'STAFF_INACTIVE' });
    expect(store.value).toBeNull();
  });

  it('keeps the session when the refresh never got an answer', async () => {
    const store = memoryStore(signedIn('a0', 'r1'));
    const session = createStaffSession({
      store,
      send: async (request) => {
        if (request.path === '/api/console/auth/refresh') throw new ApiError(0, 'NETWORK_ERROR', '网络异常');
        return { status: 401, data: { error: { code: 'TOKEN_EXPIRED', message: '登录已过期' } } };
      },
    });
    await expect(session.request({ path: '/api/console/me' })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(store.value).toEqual(signedIn('a0', 'r1'));
  });

  it('passes a 403 through as the BFF error without refreshing', async () => {
    const store = memoryStore(signedIn());
    let calls = 0;
    const session = createStaffSession({
      store,
      send: async () => {
        calls++;
        return { status: 403, data: { error: { code: 'FORBIDDEN', message: '没有权限' } } };
      },
    });
    await expect(session.request({ path: '/api/console/metrics' })).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: '没有权限' });
    expect(calls).toBe(1);
  });

  it('refuses a console call without a session, without sending it', async () => {
    const bff = fakeBff();
    const session = createStaffSession({ send: bff.send, store: memoryStore() });
    await expect(session.request({ path: '/api/console/metrics' })).rejects.toMatchObject({ code: SESSION_EXPIRED });
    expect(bff.sent).toEqual([]);
  });

  it('logs out on this device and revokes the refresh token at the BFF', async () => {
    const bff = fakeBff();
    const store = memoryStore(signedIn());
    const session = createStaffSession({ send: bff.send, store });
    await session.logOut();
    expect(store.value).toBeNull();
    expect(bff.sent).toEqual([expect.objectContaining({ path: '/api/console/auth/logout', body: { refreshToken: 'r1' }, token: null })]);
  });

  it('keeps the new pair the BFF returns after a password change', async () => {
    const store = memoryStore(signedIn());
    const session = createStaffSession({
      store,
      send: async (request) => ({
        status: 200,
        data: { accessToken: 'a9', refreshToken: 'r9', expiresIn: 900, staff: owner, echo: request.body },
      }),
    });
    await session.changePassword({ currentPassword: 'old-password-1', newPassword: 'new-password-12' });
    expect(store.value).toEqual({ accessToken: 'a9', refreshToken: 'r9', staff: owner });
  });
});
