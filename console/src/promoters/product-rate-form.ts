import type { CommissionRateBody } from '@linli/shared/schemas/promoters';
import { bpToPercentText, percentTextToBp, rateProblem } from './rate-percent';

/** Named as CommissionRateBody names them, so a BFF error on `body/level1Bp` lands next to its field. */
export type RateField = keyof CommissionRateBody;
export const rateFields: readonly RateField[] = ['level1Bp', 'level2Bp'];
export type RateInput = Record<RateField, string>;

export function rateToInput(rate: CommissionRateBody): RateInput {
  return { level1Bp: bpToPercentText(rate.level1Bp), level2Bp: bpToPercentText(rate.level2Bp) };
}

export type RateValidation = { ok: true; body: CommissionRateBody } | { ok: false; errors: Partial<Record<RateField, string>> };

export function validateProductRate(input: RateInput): RateValidation {
  const errors: Partial<Record<RateField, string>> = {};
  for (const field of rateFields) {
    const problem = rateProblem(input[field]);
    if (problem) errors[field] = problem;
  }
  const level1Bp = percentTextToBp(input.level1Bp);
  const level2Bp = percentTextToBp(input.level2Bp);
  if (Object.keys(errors).length > 0 || level1Bp === null || level2Bp === null) return { ok: false, errors };
  return { ok: true, body: { level1Bp, level2Bp } };
}
