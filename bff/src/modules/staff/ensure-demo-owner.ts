import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client';
import { hashPassword } from './password';
import { createStaffRepository } from './staff-repository';

/**
 * For the demo seed: a shop with no staff at all gets an owner `owner` with a random password, which
 * is returned once so `start` can print it. Returns null when any staff member exists (or another
 * instance created the owner first).
 */
export async function ensureDemoOwner(db: Database): Promise<{ username: string; password: string } | null> {
  const staff = createStaffRepository(db, () => new Date());
  if (await staff.any()) return null;
  const username = 'owner';
  const password = randomBytes(12).toString('base64url');
  const created = await staff.create({ username, displayName: '店主', role: 'owner', passwordHash: await hashPassword(password) });
  return created ? { username, password } : null;
}
