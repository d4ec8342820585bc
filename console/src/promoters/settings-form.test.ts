import type { ReferralSettings } from '@linli/shared/schemas/promoters';
import { settingsToInput, validateSettings, type SettingsInput } from './settings-form';

const saved: ReferralSettings = { promoterMode: 'everyone', level1RateBp: 1000, level2Enabled: false, level2RateBp: 300, minimumWithdrawal: 1000 };
const typed = (changes: Partial<SettingsInput>): SettingsInput => ({ ...settingsToInput(saved), ...changes });

describe('the referral settings form', () => {
  it('shows the saved settings as percentages and 元', () => {
    expect(settingsToInput(saved)).toEqual({ promoterMode: 'everyone', level1RateBp: '10', level2Enabled: false, level2RateBp: '3', minimumWithdrawal: '10.00' });
  });

  it('sends exactly what was saved when nothing changed', () => {
    expect(validateSettings(settingsToInput(saved))).toEqual({ ok: true, body: saved });
  });

  it('converts typed percentages and 元 exactly', () => {
    const checked = validateSettings(typed({ level1RateBp: '12.5', level2Enabled: true, level2RateBp: '2.25', minimumWithdrawal: '0.29', promoterMode: 'approved' }));
    expect(checked).toEqual({ ok: true, body: { promoterMode: 'approved', level1RateBp: 1250, level2Enabled: true, level2RateBp: 225, minimumWithdrawal: 29 } });
  });

  it('puts each problem next to its field and sends nothing', () => {
    expect(validateSettings(typed({ level1RateBp: '120', level2RateBp: 'abc', minimumWithdrawal: '0' }))).toEqual({
      ok: false,
      errors: {
        level1RateBp: '单级佣金比例不能超过 50%',
        level2RateBp: '请填写百分比数字，最多两位小数，如 12.5',
        minimumWithdrawal: '最低提现金额不能低于 ¥0.01',
      },
    });
    expect(validateSettings(typed({ minimumWithdrawal: '10.001' }))).toEqual({ ok: false, errors: { minimumWithdrawal: '请填写金额（元），最多两位小数' } });
    expect(validateSettings(typed({ minimumWithdrawal: '1000001' }))).toEqual({ ok: false, errors: { minimumWithdrawal: '最低提现金额不能超过 ¥1000000.00' } });
  });
});
