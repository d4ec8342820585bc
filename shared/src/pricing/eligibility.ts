import { chargedAmount } from './chargedAmount';
import { parseInstant } from './instant';
import type { CouponForPricing, CouponRejection, CouponScope, PricingLine } from './types';

export type Eligibility =
  | { ok: true; lineIndexes: number[]; amounts: number[]; amount: number }
  | { ok: false; rejection: CouponRejection };

/**
 * Which lines a coupon may discount at `nowMs`, and their charged amount; or why it cannot be used.
 * Checked in the order a shopper would fix them: the date, the goods, group prices, then the threshold.
 */
export function findEligibleLines(coupon: CouponForPricing, lines: readonly PricingLine[], nowMs: number): Eligibility {
  if (nowMs < parseInstant(coupon.validFrom, `coupon ${coupon.id} validFrom`)) {
    return { ok: false, rejection: { code: 'NOT_STARTED' } };
  }
  if (nowMs >= parseInstant(coupon.validUntil, `coupon ${coupon.id} validUntil`)) {
    return { ok: false, rejection: { code: 'EXPIRED' } };
  }

  const inScope = lines.map((line, index) => ({ line, index })).filter(({ line }) => isInScope(coupon.scope, line));
  if (inScope.length === 0) return { ok: false, rejection: { code: 'OUT_OF_SCOPE' } };

  const eligible = coupon.stacksWithGroupPrice ? inScope : inScope.filter(({ line }) => line.groupUnitPrice == null);
  if (eligible.length === 0) return { ok: false, rejection: { code: 'NOT_STACKABLE_WITH_GROUP_PRICE' } };

  const lineIndexes = eligible.map(({ index }) => index);
  const amounts = eligible.map(({ line }) => chargedAmount(line));
  const amount = amounts.reduce((a, b) => a + b, 0);
  if (amount < coupon.rule.threshold) {
    return { ok: false, rejection: { code: 'BELOW_THRESHOLD', missing: coupon.rule.threshold - amount } };
  }
  return { ok: true, lineIndexes, amounts, amount };
}

function isInScope(scope: CouponScope, line: PricingLine): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'categories':
      return scope.ids.includes(line.categoryId);
    case 'products':
      return scope.ids.includes(line.productId);
    default: {
      const unknownScope: never = scope;
      throw new RangeError(`unknown coupon scope ${JSON.stringify(unknownScope)}`);
    }
  }
}
