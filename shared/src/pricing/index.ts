/**
 * Pricing: one pure function gives an order's breakdown. The BFF charges what it says; the
 * mini-program previews with the same code. Money is integer fen; `now` is a parameter.
 *
 * Rules (each is a named test in priceOrder.test.ts / rankCoupons.test.ts):
 * 1. Line amounts: subtotal = unitPrice × quantity; chargedUnitPrice = groupUnitPrice ?? unitPrice;
 *    groupDiscount = (unitPrice − chargedUnitPrice) × quantity.
 * 2. Validity: a coupon is usable from validFrom (inclusive) until validUntil (exclusive), judged at
 *    `now` → otherwise NOT_STARTED / EXPIRED.
 * 3. Scope: a coupon's eligible lines are those in its scope (all / categories / products) → none:
 *    OUT_OF_SCOPE. A coupon that does not stack with group price skips group-priced lines → none
 *    left: NOT_STACKABLE_WITH_GROUP_PRICE.
 * 4. Threshold: compared with the eligible lines' amount after group price → short: BELOW_THRESHOLD
 *    with the fen missing. A threshold of 0 is always met.
 * 5. Discount: amount_off takes min(amountOff, eligible amount); percent_off takes
 *    floor(eligible × percentOff / 100), at most `cap`; free_shipping waives the shipping fee
 *    (shippingDiscount = shippingFee) and is allocated to no line.
 * 6. Allocation: the goods discount is spread over the eligible lines in proportion to their amount,
 *    largest remainder, exact to the fen, ties to the earlier line; each line's payable =
 *    subtotal − groupDiscount − couponDiscount ≥ 0.
 * 7. Shipping: the fee, unless freeThreshold is set and the goods after every discount reach it.
 * 8. Payable = Σ line payables + shippingFee − shippingDiscount.
 * 9. A coupon never raises the payable: its saving is the payable without it minus the payable with
 *    it (the coupon and shipping discounts, less any shipping fee the discount brings back); a saving
 *    of 0 or less → NO_SAVING, and the order is priced without it.
 * 10. rankCoupons: best = largest saving, ties → the coupon expiring soonest, then the smaller id;
 *    options list the applicable first by saving, then the rest in the order given.
 * 11. Guards: non-integer or negative money, quantity < 1, a group price above the unit price, an
 *    empty order or a zoneless instant throw RangeError; callers validate before this.
 */
export { allocate } from './allocate';
export { describeRejection } from './describeRejection';
export { priceOrder } from './priceOrder';
export { rankCoupons } from './rankCoupons';
export type {
  CouponForPricing,
  CouponOption,
  CouponRanking,
  CouponRejection,
  CouponRule,
  CouponScope,
  PriceOrderInput,
  PricingLine,
  Quote,
  QuoteCoupon,
  QuoteLine,
  RankCouponsInput,
  ShippingRule,
} from './types';
