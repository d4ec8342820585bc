import { activeSwitch, roleOptions, withSaved } from './staff-view';

const member = { id: 'a', username: 'zhou', displayName: '小周', role: 'finance' as const, active: true, createdAt: '2025-05-01T00:00:00.000Z' };

it('offers every role once, the owner last', () => {
  expect(roleOptions.map((o) => o.value)).toEqual(['operator', 'service', 'finance', 'owner']);
  expect(roleOptions.every((o) => o.label && o.duties)).toBe(true);
});

describe('activeSwitch', () => {
  it('switches an active member off, saying their sessions end', () => {
    const off = activeSwitch(member, false);
    expect(off).toMatchObject({ label: '停用', active: false });
    expect(off.confirm).toContain('登录立即失效');
  });

  it('warns the owner who switches themself off', () => {
    expect(activeSwitch(member, true).confirm).toContain('你将无法再登录');
  });

  it('switches an inactive member back on', () => {
    expect(activeSwitch({ ...member, active: false }, false)).toMatchObject({ label: '启用', active: true });
  });
});

describe('withSaved', () => {
  const listed = { ...member, lastSignInAt: '2025-05-02T00:00:00.000Z' };

  it('replaces the saved row and keeps when they last signed in', () => {
    expect(withSaved([listed], { ...member, role: 'operator' })).toEqual([{ ...listed, role: 'operator' }]);
  });

  it('appends a new member who has never signed in', () => {
    expect(withSaved([listed], { ...member, id: 'b' })).toEqual([listed, { ...member, id: 'b', lastSignInAt: null }]);
  });
});
