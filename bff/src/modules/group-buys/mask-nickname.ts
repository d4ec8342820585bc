/**
 * How a shopper's name appears to other shoppers: the first character and a star ('张三' → '张*').
 * Code points, not UTF-16 units, so an emoji name is not cut in half.
 */
export function maskNickname(nickname: string): string {
  const [first] = Array.from(nickname.trim());
  return `${first ?? ''}*`;
}
