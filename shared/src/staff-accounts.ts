/**
 * The rules of a staff account's fields. The BFF's schemas (schemas/auth.ts) are built from these
 * policies, and the same checks run in the console before a form is sent, with the same words.
 */
export const usernamePolicy = { minLength: 3, maxLength: 32, pattern: '^[a-z0-9][a-z0-9_.-]*$' } as const;
export const displayNamePolicy = { minLength: 1, maxLength: 32 } as const;
export const passwordPolicy = { minLength: 10, maxLength: 128 } as const;

const usernamePattern = new RegExp(usernamePolicy.pattern);
const isControl = (character: string) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f;

/** Why a new username is refused, or null when it is acceptable. */
export function usernameProblem(username: string): string | null {
  if (username.length < usernamePolicy.minLength || username.length > usernamePolicy.maxLength || !usernamePattern.test(username)) {
    return `用户名需为 ${usernamePolicy.minLength}–${usernamePolicy.maxLength} 位小写字母、数字或 _ . -，且以字母或数字开头`;
  }
  return null;
}

/** Why a display name is refused (it is sent trimmed), or null. */
export function displayNameProblem(displayName: string): string | null {
  if (displayName.length < displayNamePolicy.minLength) return '请填写姓名';
  if (displayName.length > displayNamePolicy.maxLength) return `姓名不能超过 ${displayNamePolicy.maxLength} 个字`;
  if ([...displayName].some(isControl) || displayName !== displayName.trim()) return '姓名不能包含控制字符或首尾空格';
  return null;
}

/** Why a new password is refused, or null when it is acceptable. */
export function weakPasswordReason(password: string): string | null {
  if (password.length < passwordPolicy.minLength) return `密码至少需要 ${passwordPolicy.minLength} 个字符`;
  if (password.length > passwordPolicy.maxLength) return `密码不能超过 ${passwordPolicy.maxLength} 个字符`;
  return null;
}
