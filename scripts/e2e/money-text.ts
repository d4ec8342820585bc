/** The first amount shown as '¥12.30' (or '¥12') in a piece of screen text, in fen; null when there is none. */
export function fenInText(text: string): number | null {
  const match = /(-?)¥\s*(\d+)(?:\.(\d{1,2}))?/.exec(text);
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}
