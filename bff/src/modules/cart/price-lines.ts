import { priceOrder, type CouponForPricing, type PricingLine, type QuoteCoupon } from '@linli/shared/pricing';
import type { Quote } from '@linli/shared/schemas/order';
import type { Config } from '../../config';
import type { SkuForSale } from './skus-for-sale';

/** A line to price: the SKU as it is now, and the group price when it is bought in a group. */
export interface LineToPrice {
  sku: SkuForSale;
  quantity: number;
  groupUnitPrice?: number | null;
}

export function pricingLines(lines: LineToPrice[]): PricingLine[] {
  return lines.map(({ sku, quantity, groupUnitPrice }) => ({
    skuId: sku.skuId,
    productId: sku.productId,
    categoryId: sku.categoryId,
    unitPrice: sku.price,
    quantity,
    groupUnitPrice: groupUnitPrice ?? null,
  }));
}

export function shippingRule(config: Config) {
  return { fee: config.orders.shippingFee, freeThreshold: config.orders.freeShippingThreshold };
}

/**
 * The shared pricing function over SKUs as they are now (with a coupon, if one is given), plus the
 * display fields a quote shows. `couponResult` says whether the coupon applied and, if not, why.
 */
export function quoteLines(
  config: Config,
  lines: LineToPrice[],
  now: Date,
  coupon: CouponForPricing | null = null,
): { quote: Quote; couponResult: QuoteCoupon | null } {
  const priced = priceOrder({ lines: pricingLines(lines), coupon, shipping: shippingRule(config), now: now.toISOString() });
  const applied = priced.coupon?.applied && coupon ? { id: coupon.id, title: coupon.title, saving: priced.coupon.saving } : null;
  return {
    couponResult: priced.coupon,
    quote: {
      itemsTotal: priced.itemsTotal,
      groupDiscount: priced.groupDiscount,
      couponDiscount: priced.couponDiscount,
      shippingFee: priced.shippingFee,
      shippingDiscount: priced.shippingDiscount,
      payable: priced.payable,
      lines: priced.lines.map((q, i) => {
        const { sku } = lines[i]!;
        return { ...q, productId: sku.productId, title: sku.title, specText: sku.specText, image: sku.image };
      }),
      appliedCoupon: applied,
      couponOptions: [],
    },
  };
}
