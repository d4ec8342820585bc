import { chargedAmount } from './chargedAmount';
import type { PricingLine, Quote, QuoteLine, ShippingRule } from './types';

/**
 * The breakdown once the coupon's part is known: `couponShares[i]` fen off line i, and whether a
 * free-shipping coupon waives the shipping fee.
 */
export function settle(
  lines: readonly PricingLine[],
  couponShares: readonly number[],
  shipping: ShippingRule,
  waiveShipping: boolean,
): Omit<Quote, 'coupon'> {
  const quoteLines = lines.map((line, i): QuoteLine => {
    const chargedUnitPrice = line.groupUnitPrice ?? line.unitPrice;
    const subtotal = line.unitPrice * line.quantity;
    const groupDiscount = subtotal - chargedAmount(line);
    const couponDiscount = couponShares[i] ?? 0;
    return {
      skuId: line.skuId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      chargedUnitPrice,
      subtotal,
      groupDiscount,
      couponDiscount,
      payable: subtotal - groupDiscount - couponDiscount,
    };
  });

  const goods = sum(quoteLines.map((l) => l.payable));
  const shippingFee = shipping.freeThreshold !== null && goods >= shipping.freeThreshold ? 0 : shipping.fee;
  const shippingDiscount = waiveShipping ? shippingFee : 0;
  return {
    itemsTotal: sum(quoteLines.map((l) => l.subtotal)),
    groupDiscount: sum(quoteLines.map((l) => l.groupDiscount)),
    couponDiscount: sum(quoteLines.map((l) => l.couponDiscount)),
    shippingFee,
    shippingDiscount,
    payable: goods + shippingFee - shippingDiscount,
    lines: quoteLines,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
