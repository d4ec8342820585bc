import { assertFen } from '../money';
import type { CouponForPricing, PricingLine, ShippingRule } from './types';

// Callers validate input at their edge; these guards stop a bad number from turning into a wrong
// price silently.

export function assertLines(lines: readonly PricingLine[]): void {
  if (lines.length === 0) throw new RangeError('an order has at least one line');
  lines.forEach((line, i) => {
    assertFen(line.unitPrice, `lines[${i}].unitPrice`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new RangeError(`lines[${i}].quantity must be an integer of at least 1, got ${String(line.quantity)}`);
    }
    assertFen(line.unitPrice * line.quantity, `lines[${i}] subtotal`);
    if (line.groupUnitPrice != null) {
      assertFen(line.groupUnitPrice, `lines[${i}].groupUnitPrice`);
      if (line.groupUnitPrice > line.unitPrice) {
        throw new RangeError(`lines[${i}].groupUnitPrice must not exceed unitPrice`);
      }
    }
  });
}

export function assertShipping(shipping: ShippingRule): void {
  assertFen(shipping.fee, 'shipping.fee');
  if (shipping.freeThreshold !== null) assertFen(shipping.freeThreshold, 'shipping.freeThreshold');
}

export function assertCoupon(coupon: CouponForPricing): void {
  const { rule } = coupon;
  const label = `coupon ${coupon.id}`;
  assertFen(rule.threshold, `${label} threshold`);
  switch (rule.kind) {
    case 'amount_off':
      assertFen(rule.amountOff, `${label} amountOff`);
      return;
    case 'percent_off':
      if (!Number.isInteger(rule.percentOff) || rule.percentOff < 1 || rule.percentOff > 99) {
        throw new RangeError(`${label} percentOff must be an integer from 1 to 99, got ${String(rule.percentOff)}`);
      }
      if (rule.cap !== null) assertFen(rule.cap, `${label} cap`);
      return;
    case 'free_shipping':
      return;
    default: {
      const unknownRule: never = rule;
      throw new RangeError(`${label} has an unknown rule ${JSON.stringify(unknownRule)}`);
    }
  }
}
