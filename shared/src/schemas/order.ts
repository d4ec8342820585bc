import { Type, type Static } from '@sinclair/typebox';
import { CursorQuery, Fen, Id, Page, ShanghaiDay, Timestamp } from './common';

export const orderStatuses = [
  'pending_payment',
  'paid',
  'awaiting_group',
  'to_ship',
  'shipped',
  'completed',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabels: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '已付款',
  awaiting_group: '待成团',
  to_ship: '待发货',
  shipped: '待收货',
  completed: '已完成',
  cancelled: '已取消',
  refunded: '已退款',
};

export const afterSaleStatuses = ['requested', 'approved', 'rejected', 'refunded'] as const;
export type AfterSaleStatus = (typeof afterSaleStatuses)[number];

/** Mirrors what wx.chooseAddress returns, in our own names. */
export const ShippingAddress = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 30 }),
    phone: Type.String({ pattern: '^[0-9+\\- ]{5,20}$' }),
    province: Type.String({ minLength: 1, maxLength: 20 }),
    city: Type.String({ minLength: 1, maxLength: 20 }),
    district: Type.String({ maxLength: 20 }),
    detail: Type.String({ minLength: 1, maxLength: 120 }),
  },
  { additionalProperties: false },
);
export type ShippingAddress = Static<typeof ShippingAddress>;

export const OrderLineInput = Type.Object(
  { skuId: Id, quantity: Type.Integer({ minimum: 1, maximum: 99 }) },
  { additionalProperties: false },
);
export type OrderLineInput = Static<typeof OrderLineInput>;

/** Buying in a group: without groupId the order opens a new group on the campaign, with it joins that group. */
export const GroupBuyChoice = Type.Object({ campaignId: Id, groupId: Type.Optional(Id) }, { additionalProperties: false });
export type GroupBuyChoice = Static<typeof GroupBuyChoice>;

export const CreateOrderBody = Type.Object(
  {
    lines: Type.Array(OrderLineInput, { minItems: 1, maxItems: 20 }),
    address: ShippingAddress,
    remark: Type.Optional(Type.String({ maxLength: 200 })),
    /** remove the ordered SKUs from the cart once the order exists */
    fromCart: Type.Optional(Type.Boolean()),
    /** one of my available coupons; it is locked while the order awaits payment */
    userCouponId: Type.Optional(Id),
    /** the share id the shopper arrived through (from the share path or scene); unknown ids are ignored */
    shareId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{10,16}$' })),
    /** a group-buy order (one SKU): without groupId it opens a new group, with it joins that group */
    groupBuy: Type.Optional(GroupBuyChoice),
  },
  { additionalProperties: false },
);
export type CreateOrderBody = Static<typeof CreateOrderBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_\\-:.]+$' }),
});

export const QuoteBody = Type.Object(
  {
    lines: Type.Array(OrderLineInput, { minItems: 1, maxItems: 20 }),
    /** omitted: apply my best coupon; null: no coupon; an id: that coupon */
    userCouponId: Type.Optional(Type.Union([Id, Type.Null()])),
    /** price the lines as the group order CreateOrderBody.groupBuy would place (leader or group price) */
    groupBuy: Type.Optional(GroupBuyChoice),
  },
  {
    additionalProperties: false,
    examples: [
      { lines: [{ skuId: '5b0e9c7a-3f2d-4e1b-8a6c-2d4f6b8e0a13', quantity: 1 }], groupBuy: { campaignId: '9c3e1a5f-7b2d-4c8e-a6f0-1e3b5d7f9a24' } },
      { lines: [{ skuId: '5b0e9c7a-3f2d-4e1b-8a6c-2d4f6b8e0a13', quantity: 2 }], userCouponId: null },
    ],
  },
);
export type QuoteBody = Static<typeof QuoteBody>;

const Money = {
  itemsTotal: Fen,
  groupDiscount: Fen,
  couponDiscount: Fen,
  shippingFee: Fen,
  shippingDiscount: Fen,
  payable: Fen,
};

export const QuoteLine = Type.Object({
  skuId: Id,
  productId: Id,
  title: Type.String(),
  specText: Type.String(),
  image: Type.String(),
  quantity: Type.Integer(),
  unitPrice: Fen,
  chargedUnitPrice: Fen,
  subtotal: Fen,
  groupDiscount: Fen,
  couponDiscount: Fen,
  payable: Fen,
});

export const AppliedCoupon = Type.Object({ id: Id, title: Type.String(), saving: Fen });

export const CouponOption = Type.Object({
  id: Id,
  title: Type.String(),
  validUntil: Timestamp,
  applicable: Type.Boolean(),
  saving: Fen,
  /** why it does not apply, for the shopper (e.g. 还差¥5.00可用); null when it applies */
  reason: Type.Union([Type.String(), Type.Null()]),
});

export const Quote = Type.Object({
  ...Money,
  lines: Type.Array(QuoteLine),
  appliedCoupon: Type.Union([AppliedCoupon, Type.Null()]),
  /** my coupons for this checkout, applicable ones first by saving; empty outside a quote */
  couponOptions: Type.Array(CouponOption),
});
export type Quote = Static<typeof Quote>;

export const OrderLine = Type.Object({
  id: Id,
  skuId: Id,
  productId: Id,
  title: Type.String(),
  specText: Type.String(),
  image: Type.String(),
  unitPrice: Fen,
  chargedUnitPrice: Fen,
  quantity: Type.Integer(),
  groupDiscount: Fen,
  couponDiscount: Fen,
  payable: Fen,
  refundedQuantity: Type.Integer(),
  refundedAmount: Fen,
});
export type OrderLine = Static<typeof OrderLine>;

export const OrderEvent = Type.Object({
  fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.String(),
  action: Type.String(),
  actorKind: Type.String(),
  note: Type.String(),
  at: Timestamp,
});
export type OrderEvent = Static<typeof OrderEvent>;

export const OrderSummary = Type.Object({
  id: Id,
  /** the group this order opened or joined; null for an ordinary order (the list links to it) */
  groupId: Type.Union([Id, Type.Null()]),
  orderNo: Type.String(),
  status: Type.Union(orderStatuses.map((s) => Type.Literal(s))),
  payable: Fen,
  itemCount: Type.Integer(),
  cover: Type.String(),
  title: Type.String(),
  createdAt: Timestamp,
  expiresAt: Type.Union([Timestamp, Type.Null()]),
});
export type OrderSummary = Static<typeof OrderSummary>;

export const OrderDetail = Type.Object({
  id: Id,
  /** the group this order opened or joined; null for an ordinary order */
  groupId: Type.Union([Id, Type.Null()]),
  orderNo: Type.String(),
  status: Type.Union(orderStatuses.map((s) => Type.Literal(s))),
  ...Money,
  refundedAmount: Fen,
  address: ShippingAddress,
  remark: Type.String(),
  lines: Type.Array(OrderLine),
  events: Type.Array(OrderEvent),
  carrier: Type.Union([Type.String(), Type.Null()]),
  trackingNo: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  expiresAt: Type.Union([Timestamp, Type.Null()]),
  paidAt: Type.Union([Timestamp, Type.Null()]),
  shippedAt: Type.Union([Timestamp, Type.Null()]),
  completedAt: Type.Union([Timestamp, Type.Null()]),
  cancelledAt: Type.Union([Timestamp, Type.Null()]),
});
export type OrderDetail = Static<typeof OrderDetail>;

export const OrderListQuery = Type.Object(
  { ...CursorQuery, status: Type.Optional(Type.Union(orderStatuses.map((s) => Type.Literal(s)))) },
  { additionalProperties: false },
);
export type OrderListQuery = Static<typeof OrderListQuery>;
export const OrderPage = Page(OrderSummary);
export type OrderPage = Static<typeof OrderPage>;

export const PayResponse = Type.Object({
  provider: Type.Union([Type.Literal('sandbox'), Type.Literal('wechatpay')]),
  /** parameters for wx.requestPayment */
  requestPayment: Type.Object({
    timeStamp: Type.String(),
    nonceStr: Type.String(),
    package: Type.String(),
    signType: Type.Literal('RSA'),
    paySign: Type.String(),
  }),
});
export type PayResponse = Static<typeof PayResponse>;

export const AfterSaleBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 200 }),
    /** omitted: the whole order */
    lines: Type.Optional(
      Type.Array(
        Type.Object({ orderLineId: Id, quantity: Type.Integer({ minimum: 1, maximum: 99 }) }, { additionalProperties: false }),
        { minItems: 1, maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AfterSaleBody = Static<typeof AfterSaleBody>;

export const AfterSale = Type.Object({
  id: Id,
  orderId: Id,
  status: Type.Union(afterSaleStatuses.map((s) => Type.Literal(s))),
  amount: Fen,
  reason: Type.String(),
  decisionNote: Type.String(),
  lines: Type.Array(Type.Object({ orderLineId: Id, quantity: Type.Integer(), amount: Fen })),
  createdAt: Timestamp,
});
export type AfterSale = Static<typeof AfterSale>;

/** A shopper's after-sale requests for one order, newest first. */
export const MyAfterSales = Type.Object(
  { items: Type.Array(AfterSale) },
  {
    examples: [
      {
        items: [
          {
            id: '5b2e8c4a-1d3f-4e6a-9b7c-2f0d4e6a8c1b',
            orderId: '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31',
            status: 'requested',
            amount: 2500,
            reason: '商品破损',
            decisionNote: '',
            lines: [{ orderLineId: '9a1c3e5b-7d2f-4a6c-8e0b-1d3f5a7c9e2b', quantity: 1, amount: 2500 }],
            createdAt: '2025-05-01T10:00:00.000Z',
          },
        ],
      },
    ],
  },
);
export type MyAfterSales = Static<typeof MyAfterSales>;

export const ShipBody = Type.Object(
  {
    carrier: Type.String({ minLength: 1, maxLength: 30, examples: ['顺丰速运'] }),
    trackingNo: Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }),
  },
  { additionalProperties: false },
);
export type ShipBody = Static<typeof ShipBody>;

const OrderStatusSchema = Type.Union(orderStatuses.map((s) => Type.Literal(s)));

/**
 * What the console narrows orders by, in the list and the CSV export alike; every filter given must
 * hold. `from`/`to` are the days the order was placed, both included.
 */
export const consoleOrderFilters = {
  status: Type.Optional(OrderStatusSchema),
  orderNo: Type.Optional(Type.String({ maxLength: 32 })),
  userId: Type.Optional(Id),
  buyer: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 30,
      description: "a phone number (digits, spaces and '-' ignored) matches the buyer's bound phone or the recipient's phone exactly; anything else is part of the buyer's nickname",
      examples: ['13800138000', '小满'],
    }),
  ),
  groupId: Type.Optional(Id),
  from: Type.Optional(ShanghaiDay),
  to: Type.Optional(ShanghaiDay),
};

export const ConsoleOrderQuery = Type.Object({ ...CursorQuery, ...consoleOrderFilters }, { additionalProperties: false });
export type ConsoleOrderQuery = Static<typeof ConsoleOrderQuery>;

export const ConsoleOrderExportQuery = Type.Object(consoleOrderFilters, { additionalProperties: false });
export type ConsoleOrderExportQuery = Static<typeof ConsoleOrderExportQuery>;

/** An export stops after this many orders (newest first) and says so in the X-Export-Capped header. */
export const maxExportOrders = 50_000;

/** A row of the console's order list: the shopper's summary plus who bought it and who receives it. */
export const ConsoleOrderSummary = Type.Composite([
  OrderSummary,
  Type.Object({ buyer: Type.Object({ id: Id, nickname: Type.String() }), recipientName: Type.String() }),
]);
export type ConsoleOrderSummary = Static<typeof ConsoleOrderSummary>;
export const ConsoleOrderPage = Page(ConsoleOrderSummary);
export type ConsoleOrderPage = Static<typeof ConsoleOrderPage>;

export const maxShipmentsPerBatch = 100;

export const ShipBatchBody = Type.Object(
  {
    shipments: Type.Array(Type.Object({ orderId: Id, ...ShipBody.properties }, { additionalProperties: false }), { minItems: 1, maxItems: maxShipmentsPerBatch }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        shipments: [
          { orderId: '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31', carrier: '顺丰速运', trackingNo: 'SF1234567890' },
          { orderId: '9a1c3e5b-7d2f-4a6c-8e0b-1d3f5a7c9e2b', carrier: '顺丰速运', trackingNo: 'SF1234567891' },
        ],
      },
    ],
  },
);
export type ShipBatchBody = Static<typeof ShipBatchBody>;

/** One line of a batch, in the order it was sent: shipped, or why not (the same code and message as shipping it alone). */
export const ShipBatchResult = Type.Union([
  Type.Object({ orderId: Id, outcome: Type.Literal('shipped') }),
  Type.Object({ orderId: Id, outcome: Type.Literal('failed'), error: Type.Object({ code: Type.String(), message: Type.String() }) }),
]);
export type ShipBatchResult = Static<typeof ShipBatchResult>;

export const ShipBatchAnswer = Type.Object(
  { results: Type.Array(ShipBatchResult) },
  {
    examples: [
      {
        results: [
          { orderId: '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31', outcome: 'shipped' },
          { orderId: '9a1c3e5b-7d2f-4a6c-8e0b-1d3f5a7c9e2b', outcome: 'failed', error: { code: 'ORDER_NOT_SHIPPABLE', message: '订单当前状态不能发货' } },
        ],
      },
    ],
  },
);
export type ShipBatchAnswer = Static<typeof ShipBatchAnswer>;
