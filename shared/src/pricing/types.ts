/** A cart or order line as the pricing sees it. Money in fen. */
export interface PricingLine {
  skuId: string;
  productId: string;
  categoryId: string;
  unitPrice: number;
  quantity: number;
  /** Set when the line is bought at a group-buy price (拼团价); not above `unitPrice`. */
  groupUnitPrice?: number | null;
}

export type CouponRule =
  /** 满减: `amountOff` fen off once the eligible amount reaches `threshold` (which may be 0). */
  | { kind: 'amount_off'; threshold: number; amountOff: number }
  /** `percentOff` percent taken off (8.5折 is 15), at most `cap` fen when a cap is set. */
  | { kind: 'percent_off'; threshold: number; percentOff: number; cap: number | null }
  | { kind: 'free_shipping'; threshold: number };

export type CouponScope =
  | { kind: 'all' }
  | { kind: 'categories'; ids: string[] }
  | { kind: 'products'; ids: string[] };

export interface CouponForPricing {
  id: string;
  title: string;
  rule: CouponRule;
  scope: CouponScope;
  stacksWithGroupPrice: boolean;
  /** ISO instants with a zone; valid from `validFrom` inclusive until `validUntil` exclusive. */
  validFrom: string;
  validUntil: string;
}

export interface ShippingRule {
  fee: number;
  /** Shipping is free once the goods cost at least this much after every discount; null: never. */
  freeThreshold: number | null;
}

export type CouponRejection =
  | { code: 'NOT_STARTED' }
  | { code: 'EXPIRED' }
  | { code: 'OUT_OF_SCOPE' }
  | { code: 'BELOW_THRESHOLD'; missing: number }
  | { code: 'NOT_STACKABLE_WITH_GROUP_PRICE' }
  | { code: 'NO_SAVING' };

export interface QuoteLine {
  skuId: string;
  quantity: number;
  unitPrice: number;
  chargedUnitPrice: number;
  subtotal: number;
  groupDiscount: number;
  couponDiscount: number;
  payable: number;
}

export type QuoteCoupon =
  | { id: string; applied: true; saving: number }
  | { id: string; applied: false; rejection: CouponRejection };

export interface Quote {
  itemsTotal: number;
  groupDiscount: number;
  couponDiscount: number;
  shippingFee: number;
  shippingDiscount: number;
  payable: number;
  lines: QuoteLine[];
  coupon: null | QuoteCoupon;
}

export interface PriceOrderInput {
  lines: PricingLine[];
  coupon?: CouponForPricing | null;
  shipping: ShippingRule;
  /** The instant the coupon's validity is judged at (ISO, with a zone). */
  now: string;
}

export type CouponOption = { id: string; saving: number } & (
  | { applicable: true }
  | { applicable: false; rejection: CouponRejection }
);

export interface RankCouponsInput {
  lines: PricingLine[];
  coupons: CouponForPricing[];
  shipping: ShippingRule;
  now: string;
}

export interface CouponRanking {
  bestId: string | null;
  options: CouponOption[];
}
