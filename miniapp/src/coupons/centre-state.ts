import type { CentreCoupon } from '@linli/shared/schemas/coupons';

/**
 * What a claim-centre card offers. `held`: the shopper has all they may claim (去使用);
 * `sold_out`: none left for anyone; `not_started`: claiming opens later.
 */
export type CentreCouponState = 'claimable' | 'held' | 'sold_out' | 'not_started';

export function centreCouponState(coupon: CentreCoupon): CentreCouponState {
  if (coupon.canClaim) return 'claimable';
  if (coupon.claimedByMe >= coupon.perUserLimit) return 'held';
  if (coupon.remaining === 0) return 'sold_out';
  return 'not_started';
}

/** The card after a claim succeeded, without reloading the whole centre. */
export function afterClaim(coupon: CentreCoupon): CentreCoupon {
  const remaining = coupon.remaining === null ? null : Math.max(0, coupon.remaining - 1);
  const claimedByMe = coupon.claimedByMe + 1;
  return { ...coupon, remaining, claimedByMe, canClaim: remaining !== 0 && claimedByMe < coupon.perUserLimit };
}

/** The small print under the rule: stock left and the per-shopper limit. */
export function centreStockText(coupon: CentreCoupon): string {
  const limit = `每人限领${coupon.perUserLimit}张`;
  const held = coupon.claimedByMe > 0 ? `，已领${coupon.claimedByMe}张` : '';
  if (coupon.remaining === null) return `${limit}${held}`;
  return `剩余${coupon.remaining}张 · ${limit}${held}`;
}
