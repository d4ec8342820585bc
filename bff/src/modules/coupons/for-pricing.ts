import type { CouponForPricing, CouponRule } from '@linli/shared/pricing';
import type { couponTemplates, userCoupons } from './tables';

type Template = typeof couponTemplates.$inferSelect;
type UserCoupon = typeof userCoupons.$inferSelect;

/** A shopper's coupon as the shared pricing rules see it: its template's rule, its own validity. */
export function couponForPricing(template: Template, coupon: UserCoupon): CouponForPricing {
  return {
    id: coupon.id,
    title: template.title,
    rule: ruleOf(template),
    scope: template.scopeKind === 'all' ? { kind: 'all' } : { kind: template.scopeKind, ids: template.scopeIds },
    stacksWithGroupPrice: template.stacksWithGroupPrice,
    validFrom: coupon.validFrom.toISOString(),
    validUntil: coupon.validUntil.toISOString(),
  };
}

function ruleOf(t: Template): CouponRule {
  switch (t.kind) {
    case 'amount_off':
      return { kind: 'amount_off', threshold: t.threshold, amountOff: t.amountOff ?? 0 };
    case 'percent_off':
      return { kind: 'percent_off', threshold: t.threshold, percentOff: t.percentOff ?? 0, cap: t.cap };
    case 'free_shipping':
      return { kind: 'free_shipping', threshold: t.threshold };
  }
}
