/**
 * Commission arithmetic, in integer fen and basis points. The BFF records with it; the mini-program
 * can preview "you would earn" with the same code.
 */

/** Levels that may earn on one purchase. Never more than two: deeper chains are pyramid selling. */
export const commissionLevels = [1, 2] as const;
export type CommissionLevel = (typeof commissionLevels)[number];

/** What a line earns at a rate: rounded down, so the shop never pays a fraction of a fen more. */
export function commissionForLine(linePayable: number, rateBp: number): number {
  if (!Number.isSafeInteger(linePayable) || linePayable < 0) throw new RangeError('line payable must be a non-negative integer');
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError('rate must be 0..10000 basis points');
  return Math.floor((linePayable * rateBp) / 10_000);
}

/**
 * What is left of a commission after its line was partly refunded. Cumulative (computed from the
 * original amount, not the previous remainder), so refunding a line in several steps leaves the same
 * as refunding it at once; rounded down, and nothing is left once the whole line is refunded.
 */
export function commissionRemaining(amount: number, line: { payable: number; refundedAmount: number }): number {
  if (line.refundedAmount < 0 || line.refundedAmount > line.payable) throw new RangeError('refunded amount out of range');
  if (line.payable === 0) return 0;
  return Math.floor((amount * (line.payable - line.refundedAmount)) / line.payable);
}
