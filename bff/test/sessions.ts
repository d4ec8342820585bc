import { randomBytes } from 'node:crypto';
import type { App } from '../src/app';
import { hashPassword } from '../src/modules/staff/password';
import { createStaffRepository } from '../src/modules/staff/staff-repository';
import type { StaffRole } from '../src/modules/staff/tables';

export interface ShopperSessionForTest {
  token: string;
  refreshToken: string;
  userId: string;
}

export interface StaffSessionForTest {
  token: string;
  refreshToken: string;
  staffId: string;
  username: string;
  password: string;
}

/** A signed-in shopper, through POST /api/auth/dev-login (DEV_LOGIN must be on, as in buildTestApp). */
export async function shopperSession(app: App, name = `shopper-${randomBytes(4).toString('hex')}`): Promise<ShopperSessionForTest> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { name } });
  if (res.statusCode !== 200) throw new Error(`dev-login failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ accessToken: string; refreshToken: string; user: { id: string } }>();
  return { token: body.accessToken, refreshToken: body.refreshToken, userId: body.user.id };
}

const STAFF_PASSWORD = 'staff-password-for-tests';
// scrypt is slow on purpose; one hash serves every staff member a test creates.
let staffPasswordHash: Promise<string> | null = null;

/** A signed-in staff member with `role`: created through the repository, signed in through the route. */
export async function staffSession(app: App, role: StaffRole): Promise<StaffSessionForTest> {
  staffPasswordHash ??= hashPassword(STAFF_PASSWORD);
  const username = `${role}-${randomBytes(4).toString('hex')}`;
  const member = await createStaffRepository(app.db, app.clock).create({
    username,
    displayName: `测试${role}`,
    role,
    passwordHash: await staffPasswordHash,
  });
  if (!member) throw new Error(`could not create staff ${username}`);
  const res = await app.inject({
    method: 'POST',
    url: '/api/console/auth/login',
    payload: { username, password: STAFF_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`console login failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ accessToken: string; refreshToken: string }>();
  return { token: body.accessToken, refreshToken: body.refreshToken, staffId: member.id, username, password: STAFF_PASSWORD };
}
