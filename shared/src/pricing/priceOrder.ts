import { allocate } from './allocate';
import { goodsDiscount } from './couponDiscount';
import { findEligibleLines } from './eligibility';
import { assertCoupon, assertLines, assertShipping } from './guards';
import { parseInstant } from './instant';
import { settle } from './settle';
import type { CouponForPricing, CouponRejection, PriceOrderInput, PricingLine, Quote, QuoteCoupon, ShippingRule } from './types';

/** The order's breakdown, with the coupon applied when it can be and lowers what the shopper pays. */
export function priceOrder({ lines, coupon, shipping, now }: PriceOrderInput): Quote {
  assertLines(lines);
  assertShipping(shipping);
  const nowMs = parseInstant(now, 'now');
  if (coupon == null) return { ...settle(lines, [], shipping, false), coupon: null };
  return priceWithCoupon(lines, coupon, shipping, nowMs);
}

/** `priceOrder` for lines and shipping that have already passed their guards. */
export function priceWithCoupon(
  lines: readonly PricingLine[],
  coupon: CouponForPricing,
  shipping: ShippingRule,
  nowMs: number,
): Quote & { coupon: QuoteCoupon } {
  assertCoupon(coupon);
  const withoutCoupon = settle(lines, [], shipping, false);
  const rejected = (rejection: CouponRejection) => ({
    ...withoutCoupon,
    coupon: { id: coupon.id, applied: false as const, rejection },
  });

  const eligibility = findEligibleLines(coupon, lines, nowMs);
  if (!eligibility.ok) return rejected(eligibility.rejection);

  const shares = new Array<number>(lines.length).fill(0);
  const allocated = allocate(goodsDiscount(coupon.rule, eligibility.amount), eligibility.amounts);
  eligibility.lineIndexes.forEach((lineIndex, k) => {
    shares[lineIndex] = allocated[k] ?? 0;
  });
  const withCoupon = settle(lines, shares, shipping, coupon.rule.kind === 'free_shipping');

  // Measured on the payable, not the discount: a discount that drops the goods below the free-shipping
  // threshold brings the fee back, and a coupon must never make the shopper pay more.
  const saving = withoutCoupon.payable - withCoupon.payable;
  if (saving <= 0) return rejected({ code: 'NO_SAVING' });
  return { ...withCoupon, coupon: { id: coupon.id, applied: true, saving } };
}
