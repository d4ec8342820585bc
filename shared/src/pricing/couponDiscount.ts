import type { CouponRule } from './types';

/** Fen a coupon takes off goods whose eligible amount is `eligibleAmount`; free shipping takes none. */
export function goodsDiscount(rule: CouponRule, eligibleAmount: number): number {
  switch (rule.kind) {
    case 'amount_off':
      return Math.min(rule.amountOff, eligibleAmount);
    case 'percent_off': {
      // Rounded down with integers only: a float division can land on the wrong side of a whole fen.
      const scaled = eligibleAmount * rule.percentOff;
      const discount = (scaled - (scaled % 100)) / 100;
      return rule.cap === null ? discount : Math.min(discount, rule.cap);
    }
    case 'free_shipping':
      return 0;
    default: {
      const unknownRule: never = rule;
      throw new RangeError(`unknown coupon rule ${JSON.stringify(unknownRule)}`);
    }
  }
}
