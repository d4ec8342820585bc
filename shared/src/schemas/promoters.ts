import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CursorQuery, Fen, Id, Page, Timestamp } from './common';

/** who may earn commissions: every user, or only users the shop approved */
export const promoterModes = ['everyone', 'approved'] as const;
export const promoterStatuses = ['applied', 'approved', 'rejected', 'revoked'] as const;
/** pending until the after-sales window closes, then settled (withdrawable); reversed when refunded away */
export const commissionStatuses = ['pending', 'settled', 'reversed'] as const;
export const ledgerAccountKinds = [
  'commission_pending',
  'commission_available',
  'withdrawal_in_flight',
  'withdrawn',
  'shop_commission_expense',
] as const;
/** the business event a ledger posting records */
export const ledgerEntryKinds = ['earned', 'reversed', 'settled', 'withdrawal_requested', 'withdrawal_paid', 'withdrawal_returned'] as const;
export type PromoterMode = (typeof promoterModes)[number];
export type PromoterStatus = (typeof promoterStatuses)[number];
export type CommissionStatus = (typeof commissionStatuses)[number];
export type LedgerAccountKind = (typeof ledgerAccountKinds)[number];
export type LedgerEntryKind = (typeof ledgerEntryKinds)[number];

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** A commission rate in basis points: 1000 = 10%. At most half of what was paid goes to one level. */
const RateBp = Type.Integer({ minimum: 0, maximum: 5000, description: 'basis points: 1000 = 10%' });

export const ReferralSettings = Type.Object(
  {
    promoterMode: literals(promoterModes),
    level1RateBp: RateBp,
    level2Enabled: Type.Boolean(),
    level2RateBp: RateBp,
    /** the smallest withdrawal, in fen */
    minimumWithdrawal: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
  },
  {
    additionalProperties: false,
    examples: [{ promoterMode: 'everyone', level1RateBp: 1000, level2Enabled: false, level2RateBp: 300, minimumWithdrawal: 1000 }],
  },
);
export type ReferralSettings = Static<typeof ReferralSettings>;

export const CommissionRateBody = Type.Object({ level1Bp: RateBp, level2Bp: RateBp }, { additionalProperties: false, examples: [{ level1Bp: 1500, level2Bp: 500 }] });
export type CommissionRateBody = Static<typeof CommissionRateBody>;

/** A product's own rates, or null when it earns the shop default. */
export const ProductCommissionRate = Type.Object(
  { productId: Id, rate: Nullable(Type.Object({ level1Bp: RateBp, level2Bp: RateBp })) },
  { examples: [{ productId: '5b0d7f1e-3f7a-4c57-9a0e-1c2b3d4e5f60', rate: { level1Bp: 1500, level2Bp: 500 } }] },
);
export type ProductCommissionRate = Static<typeof ProductCommissionRate>;

/** A product the shop gave its own rates, as the console's commission-rate table lists it. */
export const ProductRateRow = Type.Object(
  {
    productId: Id,
    title: Type.String(),
    /** the first image, '' when the product has none */
    coverUrl: Type.String(),
    onShelf: Type.Boolean(),
    level1Bp: RateBp,
    level2Bp: RateBp,
    updatedAt: Timestamp,
  },
  {
    examples: [
      {
        productId: '5b0d7f1e-3f7a-4c57-9a0e-1c2b3d4e5f60',
        title: '有机草莓 500g',
        coverUrl: '/media/products/strawberry.png',
        onShelf: true,
        level1Bp: 1500,
        level2Bp: 500,
        updatedAt: '2025-05-01T08:00:00.000Z',
      },
    ],
  },
);
export type ProductRateRow = Static<typeof ProductRateRow>;
export const ProductRatePage = Page(ProductRateRow);
export type ProductRatePage = Static<typeof ProductRatePage>;
export const ProductRateQuery = Type.Object({ ...CursorQuery }, { additionalProperties: false });

/**
 * The referral rules fixed by the BFF's configuration rather than the settings row: shown to staff
 * beside the settings they can change, never written through the console.
 */
export const ReferralWindows = Type.Object(
  {
    /** a share binds only accounts younger than this many days (REFERRAL_BINDING_DAYS) */
    bindingDays: Type.Integer({ minimum: 1 }),
    /** days after receipt a refund may still be asked; commissions settle when they are over (RETURN_WINDOW_DAYS) */
    settlementDays: Type.Integer({ minimum: 0 }),
    /** commission levels the law allows: never more than two */
    maxLevels: Type.Literal(2),
  },
  { examples: [{ bindingDays: 30, settlementDays: 7, maxLevels: 2 }] },
);
export type ReferralWindows = Static<typeof ReferralWindows>;

/** A promoter's money, each figure the balance of one ledger account (the sum of its entries). */
export const PromoterBalances = Type.Object({
  /** earned, waiting for the after-sales window to close */
  pending: Fen,
  /** settled: may be withdrawn */
  available: Fen,
  /** asked for and not yet paid out */
  inFlight: Fen,
  /** paid out to the promoter's WeChat wallet so far */
  withdrawn: Fen,
});
export type PromoterBalances = Static<typeof PromoterBalances>;

export const PromoterMe = Type.Object(
  {
    mode: literals(promoterModes),
    /** may earn commissions and use the promoter pages now */
    isPromoter: Type.Boolean(),
    /** the shop's decision on my application; null when I never applied */
    status: Nullable(literals(promoterStatuses)),
    balances: PromoterBalances,
    invitees: Type.Integer({ minimum: 0 }),
    minimumWithdrawal: Fen,
  },
  {
    examples: [
      {
        mode: 'approved',
        isPromoter: true,
        status: 'approved',
        balances: { pending: 399, available: 2500, inFlight: 0, withdrawn: 1000 },
        invitees: 3,
        minimumWithdrawal: 1000,
      },
    ],
  },
);
export type PromoterMe = Static<typeof PromoterMe>;

export const PromoterApplication = Type.Object(
  { status: literals(promoterStatuses), appliedAt: Timestamp },
  { examples: [{ status: 'applied', appliedAt: '2025-05-01T08:00:00.000Z' }] },
);
export type PromoterApplication = Static<typeof PromoterApplication>;

const commissionExample = {
  id: '0f8e2a43-52d1-4a4b-9d43-8d7f2f6d1a10',
  orderNo: '2025050112000012345678',
  productTitle: '有机草莓 500g',
  level: 1,
  rateBp: 1000,
  amount: 399,
  reversedAmount: 133,
  status: 'pending',
  buyerNickname: '张*',
  createdAt: '2025-05-01T08:00:00.000Z',
  settledAt: null,
};

export const CommissionEntry = Type.Object(
  {
    id: Id,
    orderNo: Type.String(),
    productTitle: Type.String(),
    level: Type.Union([Type.Literal(1), Type.Literal(2)]),
    rateBp: Type.Integer(),
    /** earned at payment */
    amount: Fen,
    /** taken back by refunds so far */
    reversedAmount: Fen,
    status: literals(commissionStatuses),
    /** masked ('张*') */
    buyerNickname: Type.String(),
    createdAt: Timestamp,
    settledAt: Nullable(Timestamp),
  },
  { examples: [commissionExample] },
);
export type CommissionEntry = Static<typeof CommissionEntry>;
export const CommissionPage = Page(CommissionEntry);
export const CommissionQuery = Type.Object({ ...CursorQuery, status: Type.Optional(literals(commissionStatuses)) }, { additionalProperties: false });

const ledgerExample = {
  id: '7c1f0a9e-1d2b-4e3f-8a4b-5c6d7e8f9a0b',
  transactionId: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
  account: 'commission_pending',
  kind: 'earned',
  amount: 399,
  commissionId: '0f8e2a43-52d1-4a4b-9d43-8d7f2f6d1a10',
  withdrawalId: null,
  createdAt: '2025-05-01T08:00:00.000Z',
};

export const LedgerEntry = Type.Object(
  {
    id: Id,
    /** entries written together by one business event share it; their amounts sum to zero */
    transactionId: Id,
    account: literals(ledgerAccountKinds),
    kind: literals(ledgerEntryKinds),
    /** signed: positive adds to the account's balance */
    amount: Type.Integer(),
    commissionId: Nullable(Id),
    withdrawalId: Nullable(Id),
    createdAt: Timestamp,
  },
  { examples: [ledgerExample] },
);
export type LedgerEntry = Static<typeof LedgerEntry>;
export const LedgerPage = Page(LedgerEntry);
export type LedgerPage = Static<typeof LedgerPage>;

/** A ledger entry as staff see it: a commission's entries also name the order it was earned on. */
export const ConsoleLedgerEntry = Type.Composite([LedgerEntry, Type.Object({ orderId: Nullable(Id), orderNo: Nullable(Type.String()) })], {
  examples: [{ ...ledgerExample, orderId: '6c2d8e4f-0a1b-4c3d-8e9f-0a1b2c3d4e5f', orderNo: '2025050112000012345678' }],
});
export type ConsoleLedgerEntry = Static<typeof ConsoleLedgerEntry>;
export const ConsoleLedgerPage = Page(ConsoleLedgerEntry);
export type ConsoleLedgerPage = Static<typeof ConsoleLedgerPage>;
export const LedgerQuery = Type.Object({ ...CursorQuery }, { additionalProperties: false });

const consolePromoterExample = {
  userId: '3d5e7f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f',
  nickname: '张三',
  status: 'applied',
  appliedAt: '2025-05-01T08:00:00.000Z',
  decidedAt: null,
  note: '',
  inviteCode: '7KQ2M9XD',
  invitees: 3,
  balances: { pending: 0, available: 0, inFlight: 0, withdrawn: 0 },
};

export const ConsolePromoter = Type.Object(
  {
    userId: Id,
    nickname: Type.String(),
    status: literals(promoterStatuses),
    appliedAt: Timestamp,
    decidedAt: Nullable(Timestamp),
    note: Type.String(),
    /** null until the user first needs one (sharing, or opening the promoter centre) */
    inviteCode: Nullable(Type.String()),
    /** users this promoter brought in (bound to them as inviter) */
    invitees: Type.Integer({ minimum: 0 }),
    balances: PromoterBalances,
  },
  { examples: [consolePromoterExample] },
);
export type ConsolePromoter = Static<typeof ConsolePromoter>;
export const ConsolePromoterPage = Page(ConsolePromoter);
export type ConsolePromoterPage = Static<typeof ConsolePromoterPage>;
export const ConsolePromoterQuery = Type.Object({ ...CursorQuery, status: Type.Optional(literals(promoterStatuses)) }, { additionalProperties: false });

export const PromoterDecisionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false, examples: [{ note: '资料齐全，同意' }] },
);
export type PromoterDecisionBody = Static<typeof PromoterDecisionBody>;
