/** Money is an integer number of fen (分); yuan only exist when a human reads the amount. */

/** Throws a RangeError unless `n` is a safe, non-negative integer number of fen. */
export function assertFen(n: unknown, label = 'amount'): asserts n is number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${label} must be a non-negative integer number of fen, got ${String(n)}`);
  }
}

/** `1234` → `'¥12.34'`, `-50` → `'-¥0.50'`. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`fen must be a safe integer, got ${String(fen)}`);
  }
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`;
}

/**
 * What staff type in 元 as fen, exactly: `'12.3'` → `1230`, `'0.05'` → `5`, `'¥99'` → `9900`.
 * Decimal text is read digit by digit, never through a float. Null for anything that is not a
 * non-negative amount with at most two decimals, or too large to be a safe number of fen.
 */
export function parseYuanToFen(text: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/^¥/, ''));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** `1230` → `'12.30'`: the amount as staff type it back into a 元 field. */
export function fenToYuanText(fen: number): string {
  return formatFen(fen).replace('¥', '');
}
