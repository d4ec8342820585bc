import type { ChangePasswordBody } from '@linli/shared/schemas/auth';
import { weakPasswordReason } from '@linli/shared/staff-accounts';
import type { Checked } from '../forms/field-error';

export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';
export const passwordFields: readonly PasswordField[] = ['currentPassword', 'newPassword', 'confirmPassword'];

export interface PasswordInput {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The rules of ChangePasswordBody, plus typing the new password twice alike. Passwords are sent exactly as typed. */
export function validatePasswordChange(input: PasswordInput): Checked<ChangePasswordBody, PasswordField> {
  const errors: Partial<Record<PasswordField, string>> = {};
  if (input.currentPassword === '') errors.currentPassword = '请输入当前密码';
  const weak = input.newPassword === '' ? '请输入新密码' : weakPasswordReason(input.newPassword);
  if (weak) errors.newPassword = weak;
  if (input.confirmPassword === '') errors.confirmPassword = '请再输入一次新密码';
  else if (input.confirmPassword !== input.newPassword) errors.confirmPassword = '两次输入的新密码不一致';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { currentPassword: input.currentPassword, newPassword: input.newPassword } };
}
