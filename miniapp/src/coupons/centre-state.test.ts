import type { CentreCoupon } from '@linli/shared/schemas/coupons';
import { afterClaim, centreCouponState, centreStockText } from './centre-state';

const coupon: CentreCoupon = {
  templateId: '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31',
  title: '满 100 减 10',
  kind: 'amount_off',
  threshold: 10000,
  amountOff: 1000,
  percentOff: null,
  cap: null,
  scopeKind: 'all',
  scopeIds: [],
  stacksWithGroupPrice: false,
  validFrom: null,
  validUntil: null,
  validDays: 7,
  remaining: 2,
  perUserLimit: 1,
  claimedByMe: 0,
  canClaim: true,
};

describe('centreCouponState', () => {
  it('is claimable while the BFF says so', () => {
    expect(centreCouponState(coupon)).toBe('claimable');
  });

  it('is held once the shopper has claimed as many as allowed, even when sold out', () => {
    expect(centreCouponState({ ...coupon, claimedByMe: 1, remaining: 0, canClaim: false })).toBe('held');
  });

  it('is sold out when none are left for a shopper who has none', () => {
    expect(centreCouponState({ ...coupon, remaining: 0, canClaim: false })).toBe('sold_out');
  });

  it('is not started when stock and limit allow but claiming has not opened', () => {
    expect(centreCouponState({ ...coupon, canClaim: false })).toBe('not_started');
  });
});

describe('afterClaim', () => {
  it('counts the claim against the stock and the limit', () => {
    const claimed = afterClaim(coupon);
    expect(claimed).toMatchObject({ remaining: 1, claimedByMe: 1, canClaim: false });
    expect(centreCouponState(claimed)).toBe('held');
  });

  it('stays claimable while the per-shopper limit allows more', () => {
    expect(afterClaim({ ...coupon, perUserLimit: 3 })).toMatchObject({ claimedByMe: 1, canClaim: true });
  });

  it('stops at sold out when the claim took the last one', () => {
    expect(afterClaim({ ...coupon, remaining: 1, perUserLimit: 3 })).toMatchObject({ remaining: 0, canClaim: false });
  });

  it('leaves unlimited stock unlimited', () => {
    expect(afterClaim({ ...coupon, remaining: null }).remaining).toBeNull();
  });
});

describe('centreStockText', () => {
  it('shows stock left, the limit and how many the shopper holds', () => {
    expect(centreStockText(coupon)).toBe('剩余2张 · 每人限领1张');
    expect(centreStockText({ ...coupon, remaining: null, perUserLimit: 3, claimedByMe: 2 })).toBe('每人限领3张，已领2张');
  });
});
