import { couponRuleText } from '@linli/shared/coupons/coupon-text';
import { channelLabels, phaseTags, redemptionText, scopeCountText, stockLeftText, templatePhase } from './coupon-view';

const now = new Date('2025-06-10T00:00:00.000Z');
const live = { active: true, validUntil: null, totalStock: 100, issuedCount: 40 };

it('words the rule as the shopper reads it', () => {
  expect(couponRuleText({ kind: 'amount_off', threshold: 10000, amountOff: 2000, percentOff: null, cap: null })).toBe('满100减20');
  expect(couponRuleText({ kind: 'percent_off', threshold: 0, amountOff: null, percentOff: 20, cap: 3000 })).toBe('8折 最多减30');
  expect(couponRuleText({ kind: 'free_shipping', threshold: 0, amountOff: null, percentOff: null, cap: null })).toBe('包邮');
});

describe('templatePhase', () => {
  it('reads 发放中 while on, in its window and with stock', () => {
    expect(phaseTags[templatePhase(live, now)].label).toBe('发放中');
  });

  it('reads 已过期 once the window closed, before anything else', () => {
    expect(templatePhase({ ...live, active: false, validUntil: '2025-06-09T00:00:00.000Z' }, now)).toBe('ended');
  });

  it('reads 已停用 when switched off and 已领完 when the stock is gone', () => {
    expect(templatePhase({ ...live, active: false }, now)).toBe('off');
    expect(templatePhase({ ...live, issuedCount: 100 }, now)).toBe('soldOut');
    expect(templatePhase({ ...live, totalStock: null, issuedCount: 10_000 }, now)).toBe('live');
  });
});

it('says what stock is left, or 不限', () => {
  expect(stockLeftText({ totalStock: 100, issuedCount: 40 })).toBe('60');
  expect(stockLeftText({ totalStock: null, issuedCount: 40 })).toBe('不限');
});

it('gives the redemption rate over issued coupons', () => {
  expect(redemptionText({ issued: 128, used: 41 })).toBe('32.0%');
  expect(redemptionText({ issued: 0, used: 0 })).toBe('—');
});

it('lists how shoppers get the coupon', () => {
  expect(channelLabels({ claimable: true, newUserGift: false, referralReward: false })).toEqual(['领券中心']);
  expect(channelLabels({ claimable: false, newUserGift: true, referralReward: true })).toEqual(['新人礼包', '邀请奖励']);
  expect(channelLabels({ claimable: false, newUserGift: false, referralReward: false })).toEqual(['仅定向发放']);
});

it('counts what a narrowed scope covers', () => {
  expect(scopeCountText({ scopeKind: 'categories', scopeIds: ['a', 'b'] })).toBe('2 个类目 · ');
  expect(scopeCountText({ scopeKind: 'all', scopeIds: [] })).toBe('');
});
