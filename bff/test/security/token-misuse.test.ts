import { createHmac, randomUUID } from 'node:crypto';
import type { App } from '../../src/app';
import { audiences } from '../../src/plugins/auth';
import { createShopper } from '../fixtures';
import { buildTestApp } from '../helper';
import { realDatabaseIfConfigured } from '../pg-database';
import { shopperSession, staffSession } from '../sessions';
import { shopperOperations, type ApiOperation } from './api-operations';

/**
 * Access tokens that must not work, tried on every shopper route of the OpenAPI document. The console
 * side (shopper tokens on every console route, each role on each route) is the role matrix's:
 * test/staff/role-matrix.test.ts.
 */

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function handMade(header: object, payload: object, secret: string | null): string {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  return `${unsigned}.${secret === null ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

function flipLastChar(text: string): string {
  return `${text.slice(0, -2)}${text.at(-2) === 'A' ? 'B' : 'A'}${text.at(-1)}`;
}

let app: App;
let operations: ApiOperation[];
/** Authorization header values a shopper route must refuse with 401, by what is wrong with them. */
let refused: Array<[string, string]>;
let staffToken: string;
let database: Awaited<ReturnType<typeof realDatabaseIfConfigured>>;

beforeAll(async () => {
  database = await realDatabaseIfConfigured();
  app = await buildTestApp(database.env);
  // Routes where a token is optional read their body first; test/referrals and test/analytics refuse bad tokens there.
  operations = (await shopperOperations(app)).filter((op) => op.shopperOnly);
  const victim = await createShopper(app, 'victim');
  const attacker = await createShopper(app, 'attacker');
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: audiences.shopper, sub: victim.userId, iat: now, exp: now + 600 };
  const [header, , signature] = attacker.token.split('.');
  staffToken = (await staffSession(app, 'owner')).token;

  refused = [
    ['expired', `Bearer ${app.jwt.sign({ aud: audiences.shopper, sub: victim.userId }, { expiresIn: -60 })}`],
    ['alg none', `Bearer ${handMade({ alg: 'none', typ: 'JWT' }, claims, null)}`],
    ['alg none with a signature', `Bearer ${handMade({ alg: 'none', typ: 'JWT' }, claims, app.config.auth.jwtSecret)}`],
    ['HS512 with the app secret', `Bearer ${handMade({ alg: 'HS512', typ: 'JWT' }, claims, app.config.auth.jwtSecret)}`],
    ['signed with another secret', `Bearer ${handMade({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-shop-secret-not-the-shop-secret')}`],
    ['attacker’s signature over the victim’s claims', `Bearer ${header}.${b64url(claims)}.${signature}`],
    ['one character of the signature changed', `Bearer ${flipLastChar(attacker.token)}`],
    ['no audience', `Bearer ${handMade({ alg: 'HS256', typ: 'JWT' }, { sub: victim.userId, iat: now, exp: now + 600 }, app.config.auth.jwtSecret)}`],
    ['a subject that is not an id', `Bearer ${handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: "' or 1=1 --" }, app.config.auth.jwtSecret)}`],
    ['no scheme', attacker.token],
    ['Basic scheme', `Basic ${Buffer.from('victim:password').toString('base64')}`],
    ['Bearer and nothing', 'Bearer '],
    ['two tokens', `Bearer ${attacker.token} ${attacker.token}`],
    ['three dots of garbage', 'Bearer a.b.c'],
    ['8 KB of garbage', `Bearer ${'x'.repeat(8192)}`],
    ['a refresh token', `Bearer ${(await shopperSession(app)).refreshToken}`],
  ];
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

function call(operation: ApiOperation, authorization: string) {
  const withBody = operation.method !== 'GET' && operation.method !== 'DELETE';
  return app.inject({
    method: operation.method as 'GET',
    url: operation.path.replace(/\{[^}]+\}/g, randomUUID()),
    headers: { authorization },
    ...(withBody ? { payload: {} } : {}),
  });
}

describe('a shopper route presented with a token that must not work', () => {
  it('refuses every bad token on every shopper route with 401 in the one error shape', async () => {
    const accepted: string[] = [];
    for (const operation of operations) {
      for (const [what, authorization] of refused) {
        const res = await call(operation, authorization);
        const code = res.statusCode === 401 ? res.json<{ error?: { code?: string } }>().error?.code : undefined;
        if (!code || !['UNAUTHORIZED', 'TOKEN_EXPIRED'].includes(code)) accepted.push(`${operation.name} with ${what}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(operations.length).toBeGreaterThan(20);
    expect(accepted).toEqual([]);
    console.log(`token misuse (on ${database.name}): ${refused.length} bad tokens × ${operations.length} shopper routes = ${refused.length * operations.length} requests, all 401`);
  });

  it('answers 403 WRONG_AUDIENCE to a staff token on every shopper route', async () => {
    const answers = new Set<string>();
    for (const operation of operations) {
      const res = await call(operation, `Bearer ${staffToken}`);
      answers.add(`${res.statusCode} ${res.json<{ error: { code: string } }>().error.code}`);
    }
    expect([...answers]).toEqual(['403 WRONG_AUDIENCE']);
  });
});

describe('a staff refresh token used twice', () => {
  it('is refused as reused and ends the whole session, the newest token included', async () => {
    const staff = await staffSession(app, 'operator');
    const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/api/console/auth/refresh', payload: { refreshToken } });
    const rotated = await refresh(staff.refreshToken);
    expect(rotated.statusCode).toBe(200);

    const reused = await refresh(staff.refreshToken);
    const newest = await refresh(rotated.json<{ refreshToken: string }>().refreshToken);

    expect(reused.json().error.code).toBe('REFRESH_TOKEN_REUSED');
    expect(newest.statusCode).toBe(401);
  });
});
