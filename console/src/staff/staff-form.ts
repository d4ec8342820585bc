import type { CreateStaffBody, StaffListItem, StaffRole, UpdateStaffBody } from '@linli/shared/schemas/auth';
import { displayNameProblem, usernameProblem, weakPasswordReason } from '@linli/shared/staff-accounts';
import type { Checked } from '../forms/field-error';

export interface NewStaffInput {
  username: string;
  displayName: string;
  role: StaffRole | undefined;
  password: string;
}
type NewStaffField = keyof NewStaffInput;
export const newStaffFields: readonly NewStaffField[] = ['username', 'displayName', 'role', 'password'];

/**
 * The rules of CreateStaffBody, checked before sending: the username as it will be signed in with
 * (trimmed, lower case), the name trimmed, the password exactly as typed.
 */
export function validateNewStaff(input: NewStaffInput): Checked<CreateStaffBody, NewStaffField> {
  const username = input.username.trim().toLowerCase();
  const displayName = input.displayName.trim();
  const errors: Partial<Record<NewStaffField, string>> = {};
  const usernameError = username === '' ? '请填写用户名' : usernameProblem(username);
  if (usernameError) errors.username = usernameError;
  const nameError = displayNameProblem(displayName);
  if (nameError) errors.displayName = nameError;
  if (!input.role) errors.role = '请选择角色';
  const passwordError = input.password === '' ? '请设置初始密码' : weakPasswordReason(input.password);
  if (passwordError) errors.password = passwordError;
  if (Object.keys(errors).length > 0 || !input.role) return { ok: false, errors };
  return { ok: true, body: { username, displayName, role: input.role, password: input.password } };
}

export interface EditStaffInput {
  displayName: string;
  role: StaffRole;
}
export const editStaffFields: ReadonlyArray<keyof EditStaffInput> = ['displayName', 'role'];

/** UpdateStaffBody with only what changed; null when nothing did (nothing to send). */
export function validateStaffEdit(
  member: Pick<StaffListItem, 'displayName' | 'role'>,
  input: EditStaffInput,
): Checked<UpdateStaffBody | null, keyof EditStaffInput> {
  const displayName = input.displayName.trim();
  const nameError = displayNameProblem(displayName);
  if (nameError) return { ok: false, errors: { displayName: nameError } };
  const body: UpdateStaffBody = {};
  if (displayName !== member.displayName) body.displayName = displayName;
  if (input.role !== member.role) body.role = input.role;
  return { ok: true, body: Object.keys(body).length > 0 ? body : null };
}
