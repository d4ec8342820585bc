/** The BFF takes 1–32 printable characters (UpdateMeBody); the same limits are checked here first. */
export const NICKNAME_MAX_LENGTH = 32;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

export type NicknameEdit = { kind: 'unchanged' } | { kind: 'invalid'; message: string } | { kind: 'save'; nickname: string };

/** What to do with what the shopper typed (or picked from WeChat's nickname suggestion). */
export function nicknameEdit(current: string, typed: string): NicknameEdit {
  const nickname = typed.trim();
  if (nickname === current) return { kind: 'unchanged' };
  if (nickname === '') return { kind: 'invalid', message: '昵称不能为空' };
  if ([...nickname].length > NICKNAME_MAX_LENGTH) return { kind: 'invalid', message: `昵称最多${NICKNAME_MAX_LENGTH}个字` };
  if (CONTROL.test(nickname)) return { kind: 'invalid', message: '昵称含有无法显示的字符' };
  return { kind: 'save', nickname };
}
