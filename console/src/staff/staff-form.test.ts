import { validateNewStaff, validateStaffEdit } from './staff-form';

const typed = { username: ' Zhou.CW ', displayName: ' 财务小周 ', role: 'finance' as const, password: 'long-enough-1' };

describe('validateNewStaff', () => {
  it('sends the username lower-cased and trimmed, the name trimmed and the password as typed', () => {
    expect(validateNewStaff(typed)).toEqual({
      ok: true,
      body: { username: 'zhou.cw', displayName: '财务小周', role: 'finance', password: 'long-enough-1' },
    });
  });

  it('puts a too-short password’s error on the password field, in the BFF’s words', () => {
    expect(validateNewStaff({ ...typed, password: 'short' })).toEqual({ ok: false, errors: { password: '密码至少需要 10 个字符' } });
  });

  it('names every field that is wrong at once', () => {
    const result = validateNewStaff({ username: '周', displayName: '  ', role: undefined, password: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['displayName', 'password', 'role', 'username']);
  });

  it('refuses a username the BFF would refuse', () => {
    expect(validateNewStaff({ ...typed, username: '_zhou' }).ok).toBe(false);
    expect(validateNewStaff({ ...typed, username: 'ab' }).ok).toBe(false);
  });
});

describe('validateStaffEdit', () => {
  const member = { displayName: '小周', role: 'finance' as const };

  it('sends only what changed', () => {
    expect(validateStaffEdit(member, { displayName: '小周', role: 'operator' })).toEqual({ ok: true, body: { role: 'operator' } });
    expect(validateStaffEdit(member, { displayName: ' 周伟 ', role: 'finance' })).toEqual({ ok: true, body: { displayName: '周伟' } });
  });

  it('has nothing to send when nothing changed', () => {
    expect(validateStaffEdit(member, { displayName: '小周 ', role: 'finance' })).toEqual({ ok: true, body: null });
  });

  it('refuses an empty name on the name field', () => {
    expect(validateStaffEdit(member, { displayName: ' ', role: 'finance' })).toEqual({ ok: false, errors: { displayName: '请填写姓名' } });
  });
});
