import { usernameProblem, weakPasswordReason } from '@linli/shared/staff-accounts';
import type { Database } from '../../db/client';
import { hashPassword } from './password';
import { createStaffRepository, type StaffRecord } from './staff-repository';

export interface OwnerInput {
  username: string;
  password: string;
  displayName?: string;
}

export type OwnerCreation = { ok: true; owner: StaffRecord } | { ok: false; problem: string };

/** Checks a new owner's username and password without touching the database. */
export function ownerInputProblem({ username, password }: OwnerInput): string | null {
  return usernameProblem(username) ?? weakPasswordReason(password);
}

/** Creates an owner account (the first one, or a recovery owner). Never touches an existing account. */
export async function createOwner(db: Database, input: OwnerInput): Promise<OwnerCreation> {
  const problem = ownerInputProblem(input);
  if (problem) return { ok: false, problem };
  const staff = createStaffRepository(db, () => new Date());
  const owner = await staff.create({
    username: input.username,
    displayName: input.displayName ?? '店主',
    role: 'owner',
    passwordHash: await hashPassword(input.password),
  });
  return owner ? { ok: true, owner } : { ok: false, problem: `用户名 ${input.username} 已存在，未做任何修改` };
}
