import type { PricingLine } from './types';

/** What a line costs after its group price: the amount coupon thresholds, discounts and shares use. */
export function chargedAmount(line: PricingLine): number {
  return (line.groupUnitPrice ?? line.unitPrice) * line.quantity;
}
