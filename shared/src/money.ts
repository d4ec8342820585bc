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
