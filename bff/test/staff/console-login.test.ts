import { scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { hashPassword, needsRehash, verifyPassword } from '../../src/modules/staff/password';
import { createStaffRepository } from '../../src/modules/staff/staff-repository';
import { staff } from '../../src/modules/staff/tables';
import { bearer, buildTestApp } from '../helper';
import { staffSession } from '../sessions';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

function login(username: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/console/auth/login', payload: { username, password } });
}

function refresh(refreshToken: string) {
  return app.inject({ method: 'POST', url: '/api/console/auth/refresh', payload: { refreshToken } });
}

async function createMember(username: string, password: string, role: 'owner' | 'operator' = 'operator') {
  const member = await createStaffRepository(app.db, app.clock).create({
    username,
    displayName: '小陈',
    role,
    passwordHash: await hashPassword(password),
  });
  return member!;
}

describe('console login', () => {
  it('answers tokens and the staff profile for the right username and password', async () => {
    const member = await createMember('chen', 'chen-password-1');
    const res = await login('chen', 'chen-password-1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      staff: { id: member.id, username: 'chen', displayName: '小陈', role: 'operator' },
    });
    const me = await app.inject({ method: 'GET', url: '/api/console/me', headers: bearer(res.json().accessToken) });
    expect(me.json()).toEqual({ id: member.id, username: 'chen', displayName: '小陈', role: 'operator' });
  });

  it('answers 401 INVALID_CREDENTIALS for a wrong password, the same as for an unknown username', async () => {
    await createMember('li', 'li-password-1');
    const wrongPassword = await login('li', 'not-the-password');
    const unknownUser = await login('nobody-here', 'not-the-password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknownUser.statusCode).toBe(401);
    expect(unknownUser.body).toBe(wrongPassword.body);
  });

  it('accepts the username in any letter case', async () => {
    await createMember('zhao', 'zhao-password-1');
    expect((await login('Zhao', 'zhao-password-1')).statusCode).toBe(200);
  });

  it('answers 403 STAFF_INACTIVE to a deactivated member who knows the password', async () => {
    const member = await createMember('sun', 'sun-password-1');
    await app.db.update(staff).set({ active: false }).where(eq(staff.id, member.id));
    const res = await login('sun', 'sun-password-1');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('STAFF_INACTIVE');
  });

  it('tells someone without the password nothing about a deactivated account', async () => {
    const member = await createMember('zhou', 'zhou-password-1');
    await app.db.update(staff).set({ active: false }).where(eq(staff.id, member.id));
    const res = await login('zhou', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('upgrades a hash made with older scrypt settings at login', async () => {
    const salt = Buffer.from('fedcba9876543210');
    const key = scryptSync('wu-password-1', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const member = await createStaffRepository(app.db, app.clock).create({
      username: 'wu',
      displayName: '小吴',
      role: 'service',
      passwordHash: `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`,
    });
    expect((await login('wu', 'wu-password-1')).statusCode).toBe(200);
    const [row] = await app.db.select().from(staff).where(eq(staff.id, member!.id));
    expect(needsRehash(row!.passwordHash)).toBe(false);
    expect(await verifyPassword('wu-password-1', row!.passwordHash)).toBe(true);
  });
});

describe('console refresh and logout', () => {
  it('rotates the refresh token', async () => {
    const session = await staffSession(app, 'finance');
    const res = await refresh(session.refreshToken);
    expect(res.statusCode).toBe(200);
    expect(res.json().refreshToken).not.toBe(session.refreshToken);
    expect((await refresh(session.refreshToken)).json().error.code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('signs the refreshed access token with the role the member has now', async () => {
    const session = await staffSession(app, 'service');
    await app.db.update(staff).set({ role: 'operator' }).where(eq(staff.id, session.staffId));
    const token = (await refresh(session.refreshToken)).json().accessToken;
    const me = await app.inject({ method: 'GET', url: '/api/console/me', headers: bearer(token) });
    expect(me.json().role).toBe('operator');
  });

  it('answers 403 STAFF_INACTIVE when a deactivated member refreshes', async () => {
    const session = await staffSession(app, 'service');
    await app.db.update(staff).set({ active: false }).where(eq(staff.id, session.staffId));
    const res = await refresh(session.refreshToken);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('STAFF_INACTIVE');
  });

  it('logout revokes the session’s refresh token', async () => {
    const session = await staffSession(app, 'operator');
    await app.inject({ method: 'POST', url: '/api/console/auth/logout', payload: { refreshToken: session.refreshToken } });
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);
  });
});

describe('changing one’s own password', () => {
  function changePassword(token: string, currentPassword: string, newPassword: string) {
    return app.inject({ method: 'POST', url: '/api/console/me/password', headers: bearer(token), payload: { currentPassword, newPassword } });
  }

  it('replaces the password and ends every other session', async () => {
    const session = await staffSession(app, 'finance');
    const other = await login(session.username, session.password);
    const res = await changePassword(session.token, session.password, 'a-brand-new-password');
    expect(res.statusCode).toBe(200);
    expect((await login(session.username, session.password)).statusCode).toBe(401);
    expect((await login(session.username, 'a-brand-new-password')).statusCode).toBe(200);
    expect((await refresh(other.json().refreshToken)).statusCode).toBe(401);
    expect((await refresh(res.json().refreshToken)).statusCode).toBe(200);
  });

  it('answers 400 WRONG_CURRENT_PASSWORD when the current password is wrong', async () => {
    const session = await staffSession(app, 'service');
    const res = await changePassword(session.token, 'not-my-password', 'a-brand-new-password');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('WRONG_CURRENT_PASSWORD');
  });

  it('refuses a new password shorter than 10 characters', async () => {
    const session = await staffSession(app, 'operator');
    const res = await changePassword(session.token, session.password, 'short');
    expect(res.statusCode).toBe(400);
    expect((await login(session.username, session.password)).statusCode).toBe(200);
  });
});
