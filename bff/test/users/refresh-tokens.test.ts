import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { refreshTokens } from '../../src/modules/users/tables';
import { hashRefreshToken } from '../../src/modules/users/tokens';
import { buildTestApp } from '../helper';
import { shopperSession, staffSession } from '../sessions';

let now = new Date('2030-01-01T00:00:00Z');
let app: App;
beforeAll(async () => {
  app = await buildTestApp({ REFRESH_TOKEN_TTL_DAYS: '30' }, { clock: () => now });
});
afterAll(async () => {
  await app.close();
});

function refresh(refreshToken: string, url = '/api/auth/refresh') {
  return app.inject({ method: 'POST', url, payload: { refreshToken } });
}

describe('shopper refresh tokens', () => {
  it('rotates: a refresh returns a new access token and a new refresh token', async () => {
    const session = await shopperSession(app);
    const res = await refresh(session.refreshToken);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.refreshToken).not.toBe(session.refreshToken);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.json().id).toBe(session.userId);
  });

  it('keeps rotating along the chain of successors', async () => {
    const session = await shopperSession(app);
    const second = (await refresh(session.refreshToken)).json().refreshToken;
    const third = await refresh(second);
    expect(third.statusCode).toBe(200);
  });

  it('answers 401 REFRESH_TOKEN_REUSED when a spent token is presented again', async () => {
    const session = await shopperSession(app);
    await refresh(session.refreshToken);
    const replay = await refresh(session.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('revokes the whole family on reuse: the newest token then fails too', async () => {
    const session = await shopperSession(app);
    const newest = (await refresh(session.refreshToken)).json().refreshToken;
    await refresh(session.refreshToken);
    const res = await refresh(newest);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('leaves the shopper’s other sessions alone when one family is revoked', async () => {
    const phone = await shopperSession(app, 'two-devices');
    const tablet = await shopperSession(app, 'two-devices');
    await refresh(phone.refreshToken);
    await refresh(phone.refreshToken);
    expect((await refresh(tablet.refreshToken)).statusCode).toBe(200);
  });

  it('answers 401 REFRESH_TOKEN_INVALID for a token it never issued', async () => {
    const res = await refresh('bm90LWEtdG9rZW4tdGhhdC13ZS1ldmVyLWlzc3VlZA');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('answers 401 REFRESH_TOKEN_INVALID once the token has expired', async () => {
    const session = await shopperSession(app);
    const issuedAt = now;
    try {
      now = new Date(issuedAt.getTime() + 31 * 24 * 60 * 60 * 1000);
      const res = await refresh(session.refreshToken);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('REFRESH_TOKEN_INVALID');
    } finally {
      now = issuedAt;
    }
  });

  it('stores only the SHA-256 hash of a refresh token', async () => {
    const session = await shopperSession(app);
    const rows = await app.db.select().from(refreshTokens).where(eq(refreshTokens.subjectId, session.userId));
    expect(rows.map((r) => r.tokenHash)).toEqual([hashRefreshToken(session.refreshToken)]);
    expect(JSON.stringify(rows)).not.toContain(session.refreshToken);
  });

  it('issues 32 random bytes in base64url', async () => {
    const session = await shopperSession(app);
    expect(Buffer.from(session.refreshToken, 'base64url')).toHaveLength(32);
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('logout revokes the family: its refresh token no longer works', async () => {
    const session = await shopperSession(app);
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: session.refreshToken } });
    expect(logout.json()).toEqual({ ok: true });
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);
  });

  it('logout answers the same for a token it does not know', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: 'unknown' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });
});

describe('refresh tokens of the other audience', () => {
  it('the shopper refresh route refuses a staff refresh token', async () => {
    const staff = await staffSession(app, 'operator');
    const res = await refresh(staff.refreshToken);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('the staff refresh route refuses a shopper refresh token', async () => {
    const shopper = await shopperSession(app);
    const res = await refresh(shopper.refreshToken, '/api/console/auth/refresh');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('a refused token of the other audience is not spent', async () => {
    const shopper = await shopperSession(app);
    await refresh(shopper.refreshToken, '/api/console/auth/refresh');
    expect((await refresh(shopper.refreshToken)).statusCode).toBe(200);
  });
});
