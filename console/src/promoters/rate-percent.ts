import { CommissionRateBody } from '@linli/shared/schemas/promoters';

/**
 * Commission rates travel as basis points (1000 = 10%: ReferralSettings, CommissionRateBody); staff
 * type and read percentages. The bounds are the schema's own, so the console refuses what the BFF would.
 */
const { minimum: min = 0, maximum: max = 10_000 } = CommissionRateBody.properties.level1Bp;
export const rateBounds = { min, max };

const percentPattern = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/;

/** `'12.5'` or `'12.5%'` → `1250`, read digit by digit (never through a float). Null unless a percentage with at most two decimals. */
export function percentTextToBp(text: string): number | null {
  const match = percentPattern.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** `1250` → `'12.5'`: the rate as staff type it back into a percent field. */
export function bpToPercentText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const hundredths = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return hundredths === '' ? String(whole) : `${whole}.${hundredths}`;
}

/** `1250` → `'12.5%'`. */
export function formatRate(bp: number): string {
  return `${bpToPercentText(bp)}%`;
}

/** Why a typed rate cannot be sent, or null when it converts to a rate the BFF takes. */
export function rateProblem(text: string): string | null {
  if (text.trim() === '') return '请填写佣金比例';
  const bp = percentTextToBp(text);
  if (bp === null) return '请填写百分比数字，最多两位小数，如 12.5';
  if (bp > rateBounds.max) return `单级佣金比例不能超过 ${formatRate(rateBounds.max)}`;
  if (bp < rateBounds.min) return `单级佣金比例不能低于 ${formatRate(rateBounds.min)}`;
  return null;
}
