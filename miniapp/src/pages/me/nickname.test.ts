import { nicknameEdit } from './nickname';

describe('nicknameEdit', () => {
  it('saves a new nickname without the blanks around it', () => {
    expect(nicknameEdit('访客abc', '  小王 ')).toEqual({ kind: 'save', nickname: '小王' });
  });

  it('does nothing when the nickname did not change', () => {
    expect(nicknameEdit('小王', '小王 ')).toEqual({ kind: 'unchanged' });
  });

  it('refuses an empty nickname', () => {
    expect(nicknameEdit('小王', '   ')).toMatchObject({ kind: 'invalid', message: '昵称不能为空' });
  });

  it('counts characters, not UTF-16 units, against the 32 limit', () => {
    expect(nicknameEdit('小王', '😀'.repeat(32))).toMatchObject({ kind: 'save' });
    expect(nicknameEdit('小王', '长'.repeat(33))).toMatchObject({ kind: 'invalid' });
  });

  it('refuses control characters', () => {
    expect(nicknameEdit('小王', '小\u0007王')).toMatchObject({ kind: 'invalid' });
  });
});
