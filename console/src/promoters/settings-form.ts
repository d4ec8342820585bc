import { fenToYuanText, formatFen, parseYuanToFen } from '@linli/shared/money';
import { ReferralSettings, type PromoterMode } from '@linli/shared/schemas/promoters';
import { bpToPercentText, percentTextToBp, rateProblem } from './rate-percent';

/** The form's fields carry the schema's own names, so a BFF error naming `body/<field>` lands next to it. */
export type SettingsField = keyof ReferralSettings;
export const settingsFields: readonly SettingsField[] = ['promoterMode', 'level1RateBp', 'level2Enabled', 'level2RateBp', 'minimumWithdrawal'];

/** What the form holds: rates as typed percentages, the minimum withdrawal as typed 元. */
export interface SettingsInput {
  promoterMode: PromoterMode;
  level1RateBp: string;
  level2Enabled: boolean;
  level2RateBp: string;
  minimumWithdrawal: string;
}

export const promoterModeOptions: ReadonlyArray<{ value: PromoterMode; label: string; hint: string }> = [
  { value: 'everyone', label: '人人可推广', hint: '所有用户分享下单都能获得佣金' },
  { value: 'approved', label: '仅审核通过的推广员', hint: '用户需申请，店铺批准后才获得佣金' },
];

// The schema's own bounds on the minimum withdrawal, in fen.
const { minimum: lowestMinimum = 1, maximum: highestMinimum = Number.MAX_SAFE_INTEGER } = ReferralSettings.properties.minimumWithdrawal;

export function settingsToInput(settings: ReferralSettings): SettingsInput {
  return {
    promoterMode: settings.promoterMode,
    level1RateBp: bpToPercentText(settings.level1RateBp),
    level2Enabled: settings.level2Enabled,
    level2RateBp: bpToPercentText(settings.level2RateBp),
    minimumWithdrawal: fenToYuanText(settings.minimumWithdrawal),
  };
}

export type SettingsValidation = { ok: true; body: ReferralSettings } | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** The ReferralSettings schema's rules, checked on what staff typed before anything is sent. */
export function validateSettings(input: SettingsInput): SettingsValidation {
  const errors: Partial<Record<SettingsField, string>> = {};
  const level1 = rateProblem(input.level1RateBp);
  if (level1) errors.level1RateBp = level1;
  const level2 = rateProblem(input.level2RateBp);
  if (level2) errors.level2RateBp = level2;
  const fen = parseYuanToFen(input.minimumWithdrawal);
  if (fen === null) errors.minimumWithdrawal = '请填写金额（元），最多两位小数';
  else if (fen < lowestMinimum) errors.minimumWithdrawal = `最低提现金额不能低于 ${formatFen(lowestMinimum)}`;
  else if (fen > highestMinimum) errors.minimumWithdrawal = `最低提现金额不能超过 ${formatFen(highestMinimum)}`;
  if (Object.keys(errors).length > 0 || fen === null) return { ok: false, errors };
  return {
    ok: true,
    body: {
      promoterMode: input.promoterMode,
      level1RateBp: percentTextToBp(input.level1RateBp)!,
      level2Enabled: input.level2Enabled,
      level2RateBp: percentTextToBp(input.level2RateBp)!,
      minimumWithdrawal: fen,
    },
  };
}
