import { assertLines, assertShipping } from './guards';
import { parseInstant } from './instant';
import { priceWithCoupon } from './priceOrder';
import type { CouponOption, CouponRanking, RankCouponsInput } from './types';

/**
 * Every coupon priced against the same cart. Applicable ones come first, the largest saving first;
 * equal savings put the coupon expiring soonest first (use it before it is lost), then by id.
 * Coupons that do not apply keep the order they were given in, each with its rejection.
 */
export function rankCoupons({ lines, coupons, shipping, now }: RankCouponsInput): CouponRanking {
  assertLines(lines);
  assertShipping(shipping);
  const nowMs = parseInstant(now, 'now');

  const ranked = coupons.map((coupon, given) => {
    const { coupon: outcome } = priceWithCoupon(lines, coupon, shipping, nowMs);
    const option: CouponOption = outcome.applied
      ? { id: coupon.id, saving: outcome.saving, applicable: true }
      : { id: coupon.id, saving: 0, applicable: false, rejection: outcome.rejection };
    return { option, given, expiresAt: parseInstant(coupon.validUntil, `coupon ${coupon.id} validUntil`) };
  });

  ranked.sort((a, b) => {
    if (a.option.applicable !== b.option.applicable) return a.option.applicable ? -1 : 1;
    if (!a.option.applicable) return a.given - b.given;
    return b.option.saving - a.option.saving || a.expiresAt - b.expiresAt || compareIds(a.option.id, b.option.id);
  });

  const options = ranked.map((r) => r.option);
  const best = options[0];
  return { bestId: best?.applicable ? best.id : null, options };
}

// Code-unit order, not localeCompare: the server and every phone must pick the same coupon.
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
