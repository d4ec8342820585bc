import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { Fen, Id, ShanghaiDay as Day } from './common';
import { ShareId } from './referrals';

/**
 * Events the mini-program reports. Each kind carries only the fields it needs; anything else is a
 * client bug and rejects the whole batch. Order, payment, group and coupon events are recorded by the
 * BFF itself (see serverEventNames) and are never accepted from a client.
 */
export const clientEventNames = ['page_view', 'product_view', 'share', 'share_open', 'add_to_cart', 'checkout'] as const;
export const serverEventNames = [
  'order_created',
  'order_paid',
  'group_opened',
  'group_succeeded',
  'group_failed',
  'coupon_claimed',
  'coupon_used',
  'share_created',
  'share_opened',
] as const;
export type ClientEventName = (typeof clientEventNames)[number];
export type ServerEventName = (typeof serverEventNames)[number];
export type EventName = ClientEventName | ServerEventName;

const OccurredAt = Type.String({ format: 'date-time', description: 'when it happened on the device; within the last 24 h (5 min of clock skew allowed)' });

const event = <N extends ClientEventName, P extends TProperties>(name: N, fields: P) =>
  Type.Object({ name: Type.Literal(name), occurredAt: OccurredAt, ...fields }, { additionalProperties: false });

export const PageViewEvent = event('page_view', { page: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_/-]+$', examples: ['pages/index/index'] }) });
export const ProductViewEvent = event('product_view', { productId: Id });
export const ShareEvent = event('share', { shareId: ShareId });
export const ShareOpenEvent = event('share_open', { shareId: ShareId });
export const AddToCartEvent = event('add_to_cart', { skuId: Id, quantity: Type.Integer({ minimum: 1, maximum: 999 }) });
/** the shopper reached the order confirmation page with this estimated amount */
export const CheckoutEvent = event('checkout', { amount: Fen, itemCount: Type.Integer({ minimum: 1, maximum: 999 }) });

export const ClientEvent = Type.Union([PageViewEvent, ProductViewEvent, ShareEvent, ShareOpenEvent, AddToCartEvent, CheckoutEvent]);
export type ClientEvent = Static<typeof ClientEvent>;

export const maxEventsPerBatch = 50;

export const EventBatch = Type.Object(
  {
    /** the device's anonymous id (generated once and kept in storage), sent signed in or not */
    visitorId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    events: Type.Array(ClientEvent, { minItems: 1, maxItems: maxEventsPerBatch }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        visitorId: 'v_3f9a1c2e7b',
        events: [
          { name: 'page_view', occurredAt: '2025-05-01T08:00:00.000Z', page: 'pages/index/index' },
          { name: 'product_view', occurredAt: '2025-05-01T08:00:05.000Z', productId: '6f1c2b9e-4a3d-4e5f-9a8b-7c6d5e4f3a2b' },
          { name: 'add_to_cart', occurredAt: '2025-05-01T08:00:20.000Z', skuId: '0b7e8a6c-1d2f-4e3a-8b9c-5d4e3f2a1b0c', quantity: 2 },
        ],
      },
    ],
  },
);
export type EventBatch = Static<typeof EventBatch>;

export const EventsAccepted = Type.Object({ accepted: Type.Integer({ minimum: 1 }) }, { examples: [{ accepted: 3 }] });
export type EventsAccepted = Static<typeof EventsAccepted>;

export const maxMetricDays = 92;

export const MetricsQuery = Type.Object(
  { from: Day, to: Day },
  { additionalProperties: false, examples: [{ from: '2025-05-01', to: '2025-05-31' }] },
);
export type MetricsQuery = Static<typeof MetricsQuery>;

const Count = Type.Integer({ minimum: 0 });
/** a ratio 0..1 (K-factor may exceed 1), rounded to 4 places; null when its denominator is 0 */
const Ratio = Type.Union([Type.Number({ minimum: 0 }), Type.Null()]);

export const MetricFigures = Type.Object({
  gmv: Fen,
  refunded: Fen,
  orders: Count,
  payingUsers: Count,
  averageOrderValue: Type.Union([Fen, Type.Null()]),
  visitors: Count,
  visitToPayConversion: Ratio,
  sharers: Count,
  shareRate: Ratio,
  shares: Count,
  shareOpens: Count,
  shareOrders: Count,
  newInvitees: Count,
  kFactor: Ratio,
  groupsOpened: Count,
  groupsSucceeded: Count,
  groupsFailed: Count,
  groupSuccessRate: Ratio,
  couponsClaimed: Count,
  couponsUsed: Count,
  couponRedemptionRate: Ratio,
  /** what coupons took off paid orders: Σ coupon discount + shipping a free-shipping coupon waived */
  couponCost: Fen,
  returningBuyers: Count,
  repurchaseRate: Ratio,
});
export type MetricFigures = Static<typeof MetricFigures>;

export const DayMetrics = Type.Composite([Type.Object({ date: Day }), MetricFigures]);
export type DayMetrics = Static<typeof DayMetrics>;

export const TopProduct = Type.Object({
  productId: Id,
  title: Type.String(),
  gmv: Fen,
  quantity: Count,
  orders: Count,
  views: Count,
});
export type TopProduct = Static<typeof TopProduct>;

export const TopPromoter = Type.Object({
  userId: Id,
  /** masked ('张*') */
  nickname: Type.String(),
  gmv: Fen,
  orders: Count,
  shares: Count,
  shareOpens: Count,
});
export type TopPromoter = Static<typeof TopPromoter>;

const exampleFigures: MetricFigures = {
  gmv: 125_800,
  refunded: 9_900,
  orders: 14,
  payingUsers: 12,
  averageOrderValue: 8_986,
  visitors: 300,
  visitToPayConversion: 0.04,
  sharers: 9,
  shareRate: 0.03,
  shares: 21,
  shareOpens: 64,
  shareOrders: 5,
  newInvitees: 4,
  kFactor: 0.4444,
  groupsOpened: 6,
  groupsSucceeded: 3,
  groupsFailed: 1,
  groupSuccessRate: 0.75,
  couponsClaimed: 40,
  couponsUsed: 8,
  couponRedemptionRate: 0.2,
  couponCost: 8_000,
  returningBuyers: 3,
  repurchaseRate: 0.25,
};

export const Metrics = Type.Object(
  {
    days: Type.Array(DayMetrics),
    totals: MetricFigures,
    topProducts: Type.Array(TopProduct, { maxItems: 10 }),
    topPromoters: Type.Array(TopPromoter, { maxItems: 10 }),
  },
  {
    examples: [
      {
        days: [{ date: '2025-05-01', ...exampleFigures }],
        totals: exampleFigures,
        topProducts: [{ productId: '6f1c2b9e-4a3d-4e5f-9a8b-7c6d5e4f3a2b', title: '赣南脐橙 5 斤装', gmv: 59_700, quantity: 15, orders: 7, views: 120 }],
        topPromoters: [{ userId: '2d3c4b5a-6f7e-4d8c-9b0a-1f2e3d4c5b6a', nickname: '张*', gmv: 39_800, orders: 3, shares: 6, shareOpens: 30 }],
      },
    ],
  },
);
export type Metrics = Static<typeof Metrics>;
