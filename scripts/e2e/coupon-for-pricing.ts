import type { CouponForPricing, CouponRule } from '@linli/shared/pricing';
import type { CentreCoupon, MyCoupon } from '@linli/shared/schemas/coupons';

type RuleFields = Pick<MyCoupon, 'kind' | 'threshold' | 'amountOff' | 'percentOff' | 'cap' | 'scopeKind' | 'scopeIds' | 'stacksWithGroupPrice' | 'title'>;

function ruleOf(c: RuleFields): CouponRule {
  switch (c.kind) {
    case 'amount_off':
      return { kind: 'amount_off', threshold: c.threshold, amountOff: c.amountOff ?? 0 };
    case 'percent_off':
      return { kind: 'percent_off', threshold: c.threshold, percentOff: c.percentOff ?? 0, cap: c.cap };
    case 'free_shipping':
      return { kind: 'free_shipping', threshold: c.threshold };
  }
}

function pricingOf(c: RuleFields, id: string, validFrom: string, validUntil: string): CouponForPricing {
  return {
    id,
    title: c.title,
    rule: ruleOf(c),
    scope: c.scopeKind === 'all' ? { kind: 'all' } : { kind: c.scopeKind, ids: c.scopeIds },
    stacksWithGroupPrice: c.stacksWithGroupPrice,
    validFrom,
    validUntil,
  };
}

/** A coupon the shopper holds, as the shared pricing rules see it (the BFF's for-pricing.ts, from the API's view). */
export function heldCouponForPricing(coupon: MyCoupon): CouponForPricing {
  return pricingOf(coupon, coupon.id, coupon.validFrom, coupon.validUntil);
}

/** A centre coupon as it would be if claimed at `now`, to foresee what it would take off before claiming it. */
export function centreCouponForPricing(coupon: CentreCoupon, now: Date): CouponForPricing {
  const validFrom = coupon.validFrom ?? now.toISOString();
  const validUntil = coupon.validUntil ?? new Date(now.getTime() + (coupon.validDays ?? 1) * 86_400_000).toISOString();
  return pricingOf(coupon, coupon.templateId, validFrom, validUntil);
}
