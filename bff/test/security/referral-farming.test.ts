import { count, eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { referralProfiles } from '../../src/modules/referrals/tables';
import { users } from '../../src/modules/users/tables';
import { createShopper } from '../fixtures';
import { buildTestApp } from '../helper';
import { realDatabaseIfConfigured } from '../pg-database';
import { inviteShareOf } from '../referrals/referral-fixtures';

/**
 * Farming invitees: one phone or one machine signing up accounts and opening a promoter's share with
 * each. Self-invites and cycles are refused by the binding rules (test/referrals/binding.test.ts,
 * and crossed bindings at the same moment in referrals.concurrency.test.ts); here, the volume limits.
 */

const limits = { SIGN_INS_PER_MINUTE_PER_IP: '8', SIGN_INS_PER_MINUTE_PER_DEVICE: '3', SHARE_OPENS_PER_MINUTE_PER_IP: '8', SHARE_OPENS_PER_MINUTE_PER_DEVICE: '3' };
const figures = { tried: 0, limited: 0 };

let app: App;
let database: Awaited<ReturnType<typeof realDatabaseIfConfigured>>;
beforeAll(async () => {
  database = await realDatabaseIfConfigured();
  app = await buildTestApp({ ...database.env, ...limits });
});
afterAll(async () => {
  await app.close();
  await database.drop();
  console.log(`referral farming (on ${database.name}): ${figures.tried} sign-ins and share opens tried from one device or address, ${figures.limited} limited (429)`);
});

async function usersCount(): Promise<number> {
  const [row] = await app.db.select({ n: count() }).from(users);
  return row!.n;
}

async function inviteesOf(inviterId: string): Promise<number> {
  const [row] = await app.db.select({ n: count() }).from(referralProfiles).where(eq(referralProfiles.inviterId, inviterId));
  return row!.n;
}

/** `attempts` calls in a row; the statuses they got. */
async function statuses(attempts: number, call: (i: number) => Promise<{ statusCode: number }>): Promise<number[]> {
  const answers: number[] = [];
  for (let i = 0; i < attempts; i += 1) answers.push((await call(i)).statusCode);
  figures.tried += attempts;
  figures.limited += answers.filter((s) => s === 429).length;
  return answers;
}

function signIn(i: number, headers: Record<string, string>, remoteAddress: string) {
  const code = app.wechatFake!.issueLoginCode(`openid-farm-${remoteAddress}-${i}`);
  return app.inject({ method: 'POST', url: '/api/auth/wechat-login', remoteAddress, headers, payload: { code } });
}

describe('sign-ups from one device or one address', () => {
  it('creates no more accounts per minute from one device than the limit, then answers 429 RATE_LIMITED with Retry-After', async () => {
    const before = await usersCount();

    const answers = await statuses(5, (i) => signIn(i, { 'x-device-id': 'farm-phone-0001' }, '10.0.0.1'));

    expect(answers).toEqual([200, 200, 200, 429, 429]);
    expect(await usersCount()).toBe(before + 3);
    const refused = await signIn(99, { 'x-device-id': 'farm-phone-0001' }, '10.0.0.1');
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('holds one address to its own limit however many device ids it makes up', async () => {
    const before = await usersCount();

    const answers = await statuses(10, (i) => signIn(i, { 'x-device-id': `made-up-device-${i}` }, '10.0.0.2'));

    expect(answers).toEqual([...Array(8).fill(200), 429, 429]);
    expect(await usersCount()).toBe(before + 8);
  });

  it('counts each device on its own: a second phone behind the same address still signs in', async () => {
    await statuses(3, (i) => signIn(i, { 'x-device-id': 'neighbour-phone-01' }, '10.0.0.3'));

    expect((await signIn(9, { 'x-device-id': 'neighbour-phone-02' }, '10.0.0.3')).statusCode).toBe(200);
  });
});

describe('bindings from one device or one address', () => {
  it('binds no more fresh accounts per minute from one device than the limit', async () => {
    const promoter = await createShopper(app, 'promoter');
    const shareId = await inviteShareOf(app, promoter.headers);
    const recruits = await Promise.all(Array.from({ length: 5 }, (_, i) => createShopper(app, `recruit-${i}`)));

    const answers = await statuses(5, (i) =>
      app.inject({ method: 'POST', url: `/api/shares/${shareId}/open`, remoteAddress: '10.0.1.1', headers: { ...recruits[i]!.headers, 'x-device-id': 'farm-phone-0002' } }),
    );

    expect(answers).toEqual([200, 200, 200, 429, 429]);
    expect(await inviteesOf(promoter.userId)).toBe(3);
  });

  it('binds no more per minute from one address than the limit, device ids made up or not', async () => {
    const promoter = await createShopper(app, 'promoter');
    const shareId = await inviteShareOf(app, promoter.headers);
    const recruits = await Promise.all(Array.from({ length: 10 }, (_, i) => createShopper(app, `recruit-${i}`)));

    const answers = await statuses(10, (i) =>
      app.inject({ method: 'POST', url: `/api/shares/${shareId}/open`, remoteAddress: '10.0.1.2', headers: { ...recruits[i]!.headers, 'x-device-id': `made-up-device-${i}` } }),
    );

    expect(answers).toEqual([...Array(8).fill(200), 429, 429]);
    expect(await inviteesOf(promoter.userId)).toBe(8);
  });
});

describe('behind a load balancer', () => {
  const balancer = '10.9.0.1';
  let balanced: App;
  beforeAll(async () => {
    balanced = await buildTestApp({ ...limits, TRUST_PROXY: '10.9.0.0/16' });
  });
  afterAll(async () => {
    await balanced.close();
  });

  function signInVia(i: number, remoteAddress: string, forwardedFor: string) {
    const code = balanced.wechatFake!.issueLoginCode(`openid-lb-${remoteAddress}-${forwardedFor}-${i}`);
    return balanced.inject({ method: 'POST', url: '/api/auth/wechat-login', remoteAddress, headers: { 'x-forwarded-for': forwardedFor }, payload: { code } });
  }

  it('counts each shopper forwarded by a trusted balancer at their own address, not all at the balancer\'s', async () => {
    const first = await statuses(9, (i) => signInVia(i, balancer, '203.0.113.7'));
    const second = await signInVia(0, balancer, '203.0.113.8');

    expect(first).toEqual([...Array(8).fill(200), 429]);
    expect(second.statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For from anyone who is not a trusted balancer, so a farmer cannot reset the limit by writing it', async () => {
    const answers = await statuses(9, (i) => signInVia(i, '198.51.100.4', `192.0.2.${i}`));

    expect(answers).toEqual([...Array(8).fill(200), 429]);
  });
});
