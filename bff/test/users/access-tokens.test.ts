import { createHmac } from 'node:crypto';
import type { App } from '../../src/app';
import { audiences } from '../../src/plugins/auth';
import { bearer, buildTestApp } from '../helper';
import { shopperSession, staffSession } from '../sessions';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function handMadeToken(header: object, payload: object, secret: string | null): string {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  const signature = secret === null ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

function claimsFor(userId: string) {
  const iat = Math.floor(Date.now() / 1000);
  return { aud: audiences.shopper, sub: userId, iat, exp: iat + 600 };
}

function getMe(headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url: '/api/me', headers });
}

describe('access tokens', () => {
  it('answers 401 UNAUTHORIZED without a token', async () => {
    const res = await getMe();
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('answers 401 TOKEN_EXPIRED for an expired token', async () => {
    const { userId } = await shopperSession(app);
    const expired = app.jwt.sign({ aud: audiences.shopper, sub: userId }, { expiresIn: -60 });
    const res = await getMe(bearer(expired));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('TOKEN_EXPIRED');
  });

  it('answers 401 for a token signed with another secret', async () => {
    const { userId } = await shopperSession(app);
    const forged = handMadeToken({ alg: 'HS256', typ: 'JWT' }, claimsFor(userId), 'another-secret-another-secret-0123456');
    const res = await getMe(bearer(forged));
    expect(res.statusCode).toBe(401);
  });

  it('answers 401 for an unsigned token (alg: none)', async () => {
    const { userId } = await shopperSession(app);
    const unsigned = handMadeToken({ alg: 'none', typ: 'JWT' }, claimsFor(userId), null);
    const res = await getMe(bearer(unsigned));
    expect(res.statusCode).toBe(401);
  });

  it('accepts a hand-made token signed with the app secret (the forgery tests above prove something)', async () => {
    const { userId } = await shopperSession(app);
    const genuine = handMadeToken({ alg: 'HS256', typ: 'JWT' }, claimsFor(userId), app.config.auth.jwtSecret);
    expect((await getMe(bearer(genuine))).statusCode).toBe(200);
  });

  it('answers 403 WRONG_AUDIENCE for a shopper token on a console route', async () => {
    const shopper = await shopperSession(app);
    const res = await app.inject({ method: 'GET', url: '/api/console/me', headers: bearer(shopper.token) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('WRONG_AUDIENCE');
  });

  it('answers 403 WRONG_AUDIENCE for a staff token on /api/me', async () => {
    const staff = await staffSession(app, 'owner');
    const res = await getMe(bearer(staff.token));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('WRONG_AUDIENCE');
  });
});
