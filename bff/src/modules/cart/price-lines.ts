import { priceOrder } from '@linli/shared/pricing';
import type { Quote } from '@linli/shared/schemas/order';
import type { Config } from '../../config';
import type { SkuForSale } from './skus-for-sale';

/** The shared pricing function over SKUs as they are now, with the display fields a quote shows. */
export function quoteLines(config: Config, lines: Array<{ sku: SkuForSale; quantity: number }>, now: Date): Quote {
  const quote = priceOrder({
    lines: lines.map(({ sku, quantity }) => ({ skuId: sku.skuId, productId: sku.productId, categoryId: sku.categoryId, unitPrice: sku.price, quantity })),
    shipping: { fee: config.orders.shippingFee, freeThreshold: config.orders.freeShippingThreshold },
    now: now.toISOString(),
  });
  return {
    itemsTotal: quote.itemsTotal,
    groupDiscount: quote.groupDiscount,
    couponDiscount: quote.couponDiscount,
    shippingFee: quote.shippingFee,
    shippingDiscount: quote.shippingDiscount,
    payable: quote.payable,
    lines: quote.lines.map((q, i) => {
      const { sku } = lines[i]!;
      return { ...q, productId: sku.productId, title: sku.title, specText: sku.specText, image: sku.image };
    }),
  };
}
