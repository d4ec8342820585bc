import { centreValidityText, couponFaceText, couponRuleText, couponScopeText, myCouponValidityText, yuanText } from './coupon-text';

const amountOff = { kind: 'amount_off', threshold: 9900, amountOff: 1000, percentOff: null, cap: null } as const;
const percentOff = { kind: 'percent_off', threshold: 0, amountOff: null, percentOff: 10, cap: 2000 } as const;
const freeShipping = { kind: 'free_shipping', threshold: 0, amountOff: null, percentOff: null, cap: null } as const;

describe('yuanText', () => {
  it('drops zero cents and a trailing zero', () => {
    expect(yuanText(9900)).toBe('99');
    expect(yuanText(9950)).toBe('99.5');
    expect(yuanText(9905)).toBe('99.05');
    expect(yuanText(1)).toBe('0.01');
  });
});

describe('couponRuleText', () => {
  it('says 满X减Y for amount off with a threshold and 无门槛 without one', () => {
    expect(couponRuleText(amountOff)).toBe('满99减10');
    expect(couponRuleText({ ...amountOff, threshold: 0, amountOff: 500 })).toBe('无门槛减5');
  });

  it('says the discount in 折 with its cap and threshold', () => {
    expect(couponRuleText(percentOff)).toBe('9折 最多减20');
    expect(couponRuleText({ ...percentOff, percentOff: 15, cap: null, threshold: 5000 })).toBe('满50享8.5折');
  });

  it('says 包邮, with the threshold when there is one', () => {
    expect(couponRuleText(freeShipping)).toBe('包邮');
    expect(couponRuleText({ ...freeShipping, threshold: 9900 })).toBe('满99包邮');
  });
});

describe('couponFaceText', () => {
  it('shows the amount, the 折 or 包邮', () => {
    expect(couponFaceText(amountOff)).toBe('¥10');
    expect(couponFaceText({ ...percentOff, percentOff: 12 })).toBe('8.8折');
    expect(couponFaceText(freeShipping)).toBe('包邮');
  });
});

describe('couponScopeText', () => {
  it('names the scope and warns when the coupon does not combine with group prices', () => {
    expect(couponScopeText({ scopeKind: 'all', stacksWithGroupPrice: true })).toBe('全场通用');
    expect(couponScopeText({ scopeKind: 'products', stacksWithGroupPrice: false })).toBe('指定商品可用 · 不与拼团价同享');
  });
});

describe('validity', () => {

  it('counts days from the claim for a template with validDays', () => {
    expect(centreValidityText({ validDays: 7, validFrom: null, validUntil: null })).toBe('领取后7天内有效');
  });

  it('shows a fixed window, an end date alone, or no limit', () => {
    expect(centreValidityText({ validDays: null, validFrom: '2025-05-01T00:00:00.000Z', validUntil: '2025-05-31T00:00:00.000Z' })).toBe(
      '2025-05-01 至 2025-05-31',
    );
    expect(centreValidityText({ validDays: null, validFrom: null, validUntil: '2025-05-31T00:00:00.000Z' })).toBe('2025-05-31前有效');
    expect(centreValidityText({ validDays: null, validFrom: null, validUntil: null })).toBe('长期有效');
  });

  it('ends an issued coupon on the last day it can still be used', () => {
    // valid until Shanghai midnight of the 18th: the 17th is the last usable day
    expect(myCouponValidityText({ validFrom: '2025-05-10T08:30:00.000Z', validUntil: '2025-05-17T16:00:00.000Z' })).toBe('2025-05-10 至 2025-05-17');
  });
});
