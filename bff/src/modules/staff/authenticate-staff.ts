import { AppError } from '../../plugins/errors';
import { hashPassword, needsRehash, unmatchableHash, verifyPassword } from './password';
import type { StaffRecord, StaffRepository } from './staff-repository';

export type StaffAuthentication =
  | { ok: true; staff: StaffRecord; /** a fresh hash to store when the old one used outdated settings */ rehashed: string | null }
  | { ok: false; reason: 'invalid-credentials' | 'inactive' };

/**
 * Checks a console login. An unknown username and a wrong password give the same answer after the
 * same work. Whether an account is inactive is only told to someone who knows its password.
 */
export async function authenticateStaff(staff: StaffRepository, username: string, password: string): Promise<StaffAuthentication> {
  const found = await staff.findByUsername(username.trim().toLowerCase());
  const matches = await verifyPassword(password, found?.passwordHash ?? unmatchableHash());
  if (!found || !matches) return { ok: false, reason: 'invalid-credentials' };
  if (!found.active) return { ok: false, reason: 'inactive' };
  return { ok: true, staff: found, rehashed: needsRehash(found.passwordHash) ? await hashPassword(password) : null };
}

export const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
export const staffInactive = () => new AppError(403, 'STAFF_INACTIVE', '该账号已停用，请联系店主');
