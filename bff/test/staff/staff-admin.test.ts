import { staffRoleNames } from '@linli/shared/schemas/auth';
import type { App } from '../../src/app';
import { staffRoles, type StaffRole } from '../../src/modules/staff/tables';
import { bearer, buildTestApp } from '../helper';
import { staffSession } from '../sessions';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

let created = 0;
function newMember(role: StaffRole = 'service') {
  created += 1;
  return { username: `member-${created}`, displayName: `员工${created}`, role, password: 'member-password-1' };
}

function createStaff(token: string, payload: object) {
  return app.inject({ method: 'POST', url: '/api/console/staff', headers: bearer(token), payload });
}

function patchStaff(token: string, id: string, payload: object) {
  return app.inject({ method: 'PATCH', url: `/api/console/staff/${id}`, headers: bearer(token), payload });
}

it('the wire schema names exactly the roles the database accepts', () => {
  expect([...staffRoleNames]).toEqual([...staffRoles]);
});

describe('who may manage staff', () => {
  it('lets the owner list, create and change staff', async () => {
    const owner = await staffSession(app, 'owner');
    expect((await app.inject({ method: 'GET', url: '/api/console/staff', headers: bearer(owner.token) })).statusCode).toBe(200);
    const res = await createStaff(owner.token, newMember());
    expect(res.statusCode).toBe(201);
    expect((await patchStaff(owner.token, res.json().id, { role: 'finance' })).statusCode).toBe(200);
  });

  it.each(['operator', 'service', 'finance'] as const)('answers 403 FORBIDDEN to %s on list, create and change', async (role) => {
    const member = await staffSession(app, role);
    const list = await app.inject({ method: 'GET', url: '/api/console/staff', headers: bearer(member.token) });
    const create = await createStaff(member.token, newMember());
    const change = await patchStaff(member.token, member.staffId, { role: 'owner' });
    expect([list.statusCode, create.statusCode, change.statusCode]).toEqual([403, 403, 403]);
    expect(change.json().error.code).toBe('FORBIDDEN');
  });

  it('answers 401 without a token', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/console/staff' });
    expect(res.statusCode).toBe(401);
  });
});

describe('creating staff', () => {
  it('creates a member who can then sign in with that password', async () => {
    const owner = await staffSession(app, 'owner');
    const input = newMember('operator');
    const res = await createStaff(owner.token, input);
    expect(res.json()).toEqual({
      id: expect.any(String),
      username: input.username,
      displayName: input.displayName,
      role: 'operator',
      active: true,
      createdAt: expect.any(String),
    });
    const login = await app.inject({ method: 'POST', url: '/api/console/auth/login', payload: { username: input.username, password: input.password } });
    expect(login.json().staff.role).toBe('operator');
  });

  it('answers 409 USERNAME_TAKEN for a username already in use', async () => {
    const owner = await staffSession(app, 'owner');
    const input = newMember();
    await createStaff(owner.token, input);
    const res = await createStaff(owner.token, { ...input, displayName: '另一个人' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('USERNAME_TAKEN');
  });

  it('refuses a password shorter than 10 characters', async () => {
    const owner = await staffSession(app, 'owner');
    const res = await createStaff(owner.token, { ...newMember(), password: 'short' });
    expect(res.statusCode).toBe(400);
  });

  it('refuses fields outside the form, such as a password hash', async () => {
    const owner = await staffSession(app, 'owner');
    const res = await createStaff(owner.token, { ...newMember(), passwordHash: 'scrypt$1$1$1$a$b' });
    expect(res.statusCode).toBe(400);
  });

  it('never lists password hashes', async () => {
    const owner = await staffSession(app, 'owner');
    const res = await app.inject({ method: 'GET', url: '/api/console/staff', headers: bearer(owner.token) });
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(res.body).not.toContain('scrypt$');
  });
});

describe('changing staff', () => {
  it('deactivating a member ends their sessions', async () => {
    const owner = await staffSession(app, 'owner');
    const member = await staffSession(app, 'service');
    const res = await patchStaff(owner.token, member.staffId, { active: false });
    expect(res.json().active).toBe(false);
    const refresh = await app.inject({ method: 'POST', url: '/api/console/auth/refresh', payload: { refreshToken: member.refreshToken } });
    expect(refresh.statusCode).toBe(401);
  });

  it('answers 404 for a member that does not exist', async () => {
    const owner = await staffSession(app, 'owner');
    const res = await patchStaff(owner.token, '00000000-0000-4000-8000-000000000000', { role: 'finance' });
    expect(res.statusCode).toBe(404);
  });
});

describe('the last owner', () => {
  let shop: App;
  beforeEach(async () => {
    shop = await buildTestApp();
  });
  afterEach(async () => {
    await shop.close();
  });

  it('cannot be demoted or deactivated: 409 LAST_OWNER', async () => {
    const owner = await staffSession(shop, 'owner');
    const demote = await shop.inject({ method: 'PATCH', url: `/api/console/staff/${owner.staffId}`, headers: bearer(owner.token), payload: { role: 'operator' } });
    const deactivate = await shop.inject({ method: 'PATCH', url: `/api/console/staff/${owner.staffId}`, headers: bearer(owner.token), payload: { active: false } });
    expect([demote.statusCode, deactivate.statusCode]).toEqual([409, 409]);
    expect(demote.json().error.code).toBe('LAST_OWNER');
  });

  it('may step down once another owner is active', async () => {
    const owner = await staffSession(shop, 'owner');
    await staffSession(shop, 'owner');
    const res = await shop.inject({ method: 'PATCH', url: `/api/console/staff/${owner.staffId}`, headers: bearer(owner.token), payload: { role: 'operator' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('operator');
  });
});
