import { Value } from '@sinclair/typebox/value';
import { CreateStaffBody, Username } from './schemas/auth';
import { displayNameProblem, usernameProblem, weakPasswordReason } from './staff-accounts';

const valid = { username: 'zhou.cw', displayName: '财务小周', role: 'finance', password: 'long-enough' };

describe('the staff account rules agree with the BFF’s schema', () => {
  it.each(['abc', 'zhou.cw', 'a_b-c.9', '9lives', 'x'.repeat(32), 'ab', 'x'.repeat(33), 'Zhou', '.dot', '-dash', 'zhou wei', '周伟'])(
    'username %j',
    (username) => {
      expect(usernameProblem(username) === null).toBe(Value.Check(Username, username));
    },
  );

  it.each(['小周', 'A', '周'.repeat(32), '', '周'.repeat(33), ' 小周', '小周 ', '小\u0007周', '小\u007f周', '王 小 周'])('display name %j', (displayName) => {
    expect(displayNameProblem(displayName) === null).toBe(Value.Check(CreateStaffBody, { ...valid, displayName }));
  });

  it.each(['short1234', 'long-enough', 'x'.repeat(128), 'x'.repeat(129)])('password %j', (password) => {
    expect(weakPasswordReason(password) === null).toBe(Value.Check(CreateStaffBody, { ...valid, password }));
  });
});

it('says how long a password must be', () => {
  expect(weakPasswordReason('short1234')).toBe('密码至少需要 10 个字符');
});
