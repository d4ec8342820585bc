/**
 * Splits `total` fen across `weights` in proportion, exact to the fen, by the largest-remainder method:
 * each share is first rounded down, then the fen left over go one each to the largest remainders
 * (a tie goes to the lower index, so the same input always splits the same way).
 *
 * Products `total × weight` are computed exactly, so `total × Σweights` must be a safe integer.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`total must be a non-negative integer, got ${String(total)}`);
  }
  let weightSum = 0;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new RangeError(`weights must be non-negative integers, got ${String(w)}`);
    }
    weightSum += w;
  }
  if (total === 0) return weights.map(() => 0);
  if (weightSum === 0) throw new RangeError(`cannot allocate ${total} across zero weights`);
  if (!Number.isSafeInteger(total * weightSum)) {
    throw new RangeError(`allocating ${total} across ${weightSum} exceeds exact integer arithmetic`);
  }

  const remainders = weights.map((w) => (total * w) % weightSum);
  const shares = weights.map((w, i) => (total * w - (remainders[i] ?? 0)) / weightSum);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = weights
    .map((_, i) => i)
    .sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
  for (const i of byRemainder) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}
