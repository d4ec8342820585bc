import { rankCoupons } from './rankCoupons';
import type { CouponForPricing, CouponRule, PricingLine, ShippingRule } from './types';

const NOW = '2025-06-01T12:00:00Z';
const NO_SHIPPING: ShippingRule = { fee: 0, freeThreshold: null };
const TEA: PricingLine = { skuId: 'tea', productId: 'p-tea', categoryId: 'c-drinks', unitPrice: 10000, quantity: 1 };
const CART = [TEA];

function coupon(id: string, rule: CouponRule, more: Partial<CouponForPricing> = {}): CouponForPricing {
  return {
    id,
    title: id,
    rule,
    scope: { kind: 'all' },
    stacksWithGroupPrice: true,
    validFrom: '2025-05-01T00:00:00Z',
    validUntil: '2025-07-01T00:00:00Z',
    ...more,
  };
}

const off = (amountOff: number, threshold = 0): CouponRule => ({ kind: 'amount_off', threshold, amountOff });

function rank(coupons: CouponForPricing[], shipping = NO_SHIPPING, lines = CART) {
  return rankCoupons({ lines, coupons, shipping, now: NOW });
}

describe('rankCoupons', () => {
  it('picks the coupon with the largest saving', () => {
    const ranking = rank([coupon('small', off(500)), coupon('big', off(1500)), coupon('mid', off(1000))]);
    expect(ranking.bestId).toBe('big');
    expect(ranking.options.map((o) => [o.id, o.saving])).toEqual([['big', 1500], ['mid', 1000], ['small', 500]]);
  });

  it('breaks a tie in saving in favour of the coupon expiring soonest', () => {
    const ranking = rank([
      coupon('later', off(1000), { validUntil: '2025-06-30T00:00:00Z' }),
      coupon('sooner', off(1000), { validUntil: '2025-06-02T00:00:00Z' }),
    ]);
    expect(ranking.bestId).toBe('sooner');
  });

  it('breaks a tie in saving and expiry by id', () => {
    const ranking = rank([coupon('cp-b', off(1000)), coupon('cp-a', off(1000))]);
    expect(ranking.bestId).toBe('cp-a');
  });

  it('counts a free-shipping coupon as saving the fee it waives', () => {
    const ranking = rank(
      [coupon('ship', { kind: 'free_shipping', threshold: 0 }), coupon('off', off(500))],
      { fee: 800, freeThreshold: null },
    );
    expect(ranking.bestId).toBe('ship');
    expect(ranking.options[0]).toEqual({ id: 'ship', saving: 800, applicable: true });
  });

  it('prefers the smaller discount when the bigger one brings the shipping fee back', () => {
    const lines: PricingLine[] = [{ ...TEA, unitPrice: 11000 }];
    const ranking = rank([coupon('bigger', off(1500)), coupon('smaller', off(1000))], { fee: 1000, freeThreshold: 10000 }, lines);
    expect(ranking.bestId).toBe('smaller');
    expect(ranking.options.map((o) => [o.id, o.saving])).toEqual([['smaller', 1000], ['bigger', 500]]);
  });

  it('lists applicable coupons first, then the others in the order given with their rejection', () => {
    const ranking = rank([
      coupon('expired', off(100), { validUntil: '2025-06-01T00:00:00Z' }),
      coupon('usable', off(100)),
      coupon('too-high', off(3000, 20000)),
    ]);
    expect(ranking.options).toEqual([
      { id: 'usable', saving: 100, applicable: true },
      { id: 'expired', saving: 0, applicable: false, rejection: { code: 'EXPIRED' } },
      { id: 'too-high', saving: 0, applicable: false, rejection: { code: 'BELOW_THRESHOLD', missing: 10000 } },
    ]);
  });

  it('suggests no coupon when none applies', () => {
    expect(rank([coupon('too-high', off(3000, 20000))]).bestId).toBeNull();
  });

  it('suggests no coupon when the shopper has none', () => {
    expect(rank([])).toEqual({ bestId: null, options: [] });
  });
});
