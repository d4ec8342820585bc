import { validatePasswordChange } from './password-form';

const typed = { currentPassword: 'old-password-1', newPassword: 'new-password-2', confirmPassword: 'new-password-2' };

describe('validatePasswordChange', () => {
  it('sends the current and the new password exactly as typed', () => {
    const spaced = { currentPassword: ' old ', newPassword: ' new-password ', confirmPassword: ' new-password ' };
    expect(validatePasswordChange(spaced)).toEqual({ ok: true, body: { currentPassword: ' old ', newPassword: ' new-password ' } });
  });

  it('puts a short new password’s error under the new password, in the BFF’s words', () => {
    expect(validatePasswordChange({ ...typed, newPassword: 'short', confirmPassword: 'short' })).toEqual({
      ok: false,
      errors: { newPassword: '密码至少需要 10 个字符' },
    });
  });

  it('refuses a confirmation that differs, under the confirmation', () => {
    expect(validatePasswordChange({ ...typed, confirmPassword: 'new-password-3' })).toEqual({ ok: false, errors: { confirmPassword: '两次输入的新密码不一致' } });
  });

  it('asks for every empty field', () => {
    const result = validatePasswordChange({ currentPassword: '', newPassword: '', confirmPassword: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['confirmPassword', 'currentPassword', 'newPassword']);
  });
});
