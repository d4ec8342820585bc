import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CursorQuery, Fen, Id, Page, Timestamp } from './common';

export const couponKinds = ['amount_off', 'percent_off', 'free_shipping'] as const;
export const couponScopeKinds = ['all', 'categories', 'products'] as const;
export const userCouponStatuses = ['available', 'locked', 'used', 'expired'] as const;
/** how a coupon reached the shopper: the claim centre, the new-user gift, a staff push, a referral reward */
export const couponSources = ['claim', 'new_user', 'push', 'referral'] as const;
export type UserCouponStatus = (typeof userCouponStatuses)[number];

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** What a coupon takes off and where it applies; shared by the console and the shopper views. */
const RuleFields = {
  kind: literals(couponKinds),
  /** eligible amount needed, in fen; 0 = no threshold */
  threshold: Fen,
  amountOff: Nullable(Fen),
  /** 8.5折 is 15 */
  percentOff: Nullable(Type.Integer()),
  cap: Nullable(Fen),
  scopeKind: literals(couponScopeKinds),
  scopeIds: Type.Array(Id),
  stacksWithGroupPrice: Type.Boolean(),
};

/** One coupon, '满 100 减 10', seen from the console, the claim centre and the shopper's wallet. */
const ruleExample = {
  kind: 'amount_off',
  threshold: 10000,
  amountOff: 1000,
  percentOff: null,
  cap: null,
  scopeKind: 'all',
  scopeIds: [],
  stacksWithGroupPrice: false,
};
const templateExample = {
  id: '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31',
  title: '满 100 减 10',
  ...ruleExample,
  validFrom: null,
  validUntil: null,
  validDays: 7,
  totalStock: 1000,
  issuedCount: 128,
  perUserLimit: 1,
  claimable: true,
  newUserGift: false,
  referralReward: false,
  active: true,
  createdAt: '2025-05-01T02:00:00.000Z',
};
const myCouponExample = {
  id: 'c2a9e5d4-7f1b-4c3e-8a6d-5b0f1e2d3c4a',
  templateId: templateExample.id,
  title: templateExample.title,
  ...ruleExample,
  status: 'available',
  validFrom: '2025-05-10T08:30:00.000Z',
  validUntil: '2025-05-17T08:30:00.000Z',
  issuedAt: '2025-05-10T08:30:00.000Z',
};

export const CouponTemplate = Type.Object(
  {
    id: Id,
    title: Type.String(),
    ...RuleFields,
    validFrom: Nullable(Timestamp),
    validUntil: Nullable(Timestamp),
    validDays: Nullable(Type.Integer()),
    totalStock: Nullable(Type.Integer()),
    issuedCount: Type.Integer(),
    perUserLimit: Type.Integer(),
    claimable: Type.Boolean(),
    newUserGift: Type.Boolean(),
    referralReward: Type.Boolean(),
    active: Type.Boolean(),
    createdAt: Timestamp,
  },
  { examples: [templateExample] },
);
export type CouponTemplate = Static<typeof CouponTemplate>;
export const CouponTemplatePage = Page(CouponTemplate, {
  examples: [{ items: [templateExample], nextCursor: 'WyIxNzQ2MDY0ODAwMDAwMDAwIiwiM2Y2YzJhMWUtOGI0ZC00ZTdhLTljMTUtMmQ3YjllMGE0ZjMxIl0' }],
});
export type CouponTemplatePage = Static<typeof CouponTemplatePage>;

/** Cross-field rules (which kind needs which amount, window or days, scope ids) are checked by the BFF. */
export const CreateCouponTemplateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 40 }),
    kind: literals(couponKinds),
    threshold: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    amountOff: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    percentOff: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    cap: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    scopeKind: Type.Optional(literals(couponScopeKinds)),
    scopeIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
    stacksWithGroupPrice: Type.Optional(Type.Boolean()),
    validFrom: Type.Optional(Timestamp),
    validUntil: Type.Optional(Timestamp),
    validDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    /** omitted = unlimited */
    totalStock: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    perUserLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    claimable: Type.Optional(Type.Boolean()),
    newUserGift: Type.Optional(Type.Boolean()),
    /** given to the inviter when a shopper they brought in pays for a first order (rewards follow purchases, not shares) */
    referralReward: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  {
    additionalProperties: false,
    examples: [{ title: '满 100 减 10', kind: 'amount_off', threshold: 10000, amountOff: 1000, validDays: 7, totalStock: 1000, perUserLimit: 1, claimable: true }],
  },
);
export type CreateCouponTemplateBody = Static<typeof CreateCouponTemplateBody>;

/** The rule of an issued coupon never changes; only these may. Stock only grows, never below issued. */
export const UpdateCouponTemplateBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    active: Type.Optional(Type.Boolean()),
    claimable: Type.Optional(Type.Boolean()),
    /** null = unlimited */
    totalStock: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000_000 }))),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ totalStock: 2000, claimable: true }] },
);
export type UpdateCouponTemplateBody = Static<typeof UpdateCouponTemplateBody>;

export const CouponTemplateUsage = Type.Object(
  {
    templateId: Id,
    issued: Type.Integer(),
    available: Type.Integer(),
    locked: Type.Integer(),
    used: Type.Integer(),
    expired: Type.Integer(),
  },
  { examples: [{ templateId: templateExample.id, issued: 128, available: 70, locked: 3, used: 41, expired: 14 }] },
);
export type CouponTemplateUsage = Static<typeof CouponTemplateUsage>;

export const PushCouponBody = Type.Object(
  { userIds: Type.Array(Id, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false, examples: [{ userIds: ['7d1e4b2a-6c3f-4a8e-9b5d-0f2c1a3e5b7d', 'a4c8e2f6-1b3d-4e5f-8a7c-9d0b2e4f6a8c'] }] },
);
export type PushCouponBody = Static<typeof PushCouponBody>;

export const PushResult = Type.Object(
  {
    results: Type.Array(
      Type.Union([
        Type.Object({ userId: Id, ok: Type.Literal(true), couponId: Id }),
        Type.Object({ userId: Id, ok: Type.Literal(false), code: Type.String({ examples: ['COUPON_LIMIT_REACHED'] }) }),
      ]),
    ),
  },
  {
    examples: [
      {
        results: [
          { userId: '7d1e4b2a-6c3f-4a8e-9b5d-0f2c1a3e5b7d', ok: true, couponId: myCouponExample.id },
          { userId: 'a4c8e2f6-1b3d-4e5f-8a7c-9d0b2e4f6a8c', ok: false, code: 'COUPON_LIMIT_REACHED' },
        ],
      },
    ],
  },
);
export type PushResult = Static<typeof PushResult>;

export const CentreCoupon = Type.Object({
  templateId: Id,
  title: Type.String(),
  ...RuleFields,
  validFrom: Nullable(Timestamp),
  validUntil: Nullable(Timestamp),
  validDays: Nullable(Type.Integer()),
  /** null = unlimited */
  remaining: Nullable(Type.Integer()),
  perUserLimit: Type.Integer(),
  /** how many of it I already hold (any state) */
  claimedByMe: Type.Integer(),
  canClaim: Type.Boolean(),
});
export type CentreCoupon = Static<typeof CentreCoupon>;
export const CouponCentre = Type.Object(
  { items: Type.Array(CentreCoupon) },
  {
    examples: [
      {
        items: [
          {
            templateId: templateExample.id,
            title: templateExample.title,
            ...ruleExample,
            validFrom: null,
            validUntil: null,
            validDays: 7,
            remaining: 872,
            perUserLimit: 1,
            claimedByMe: 0,
            canClaim: true,
          },
        ],
      },
    ],
  },
);
export type CouponCentre = Static<typeof CouponCentre>;

export const MyCoupon = Type.Object(
  {
    id: Id,
    templateId: Id,
    title: Type.String(),
    ...RuleFields,
    status: literals(userCouponStatuses),
    validFrom: Timestamp,
    validUntil: Timestamp,
    issuedAt: Timestamp,
  },
  { examples: [myCouponExample] },
);
export type MyCoupon = Static<typeof MyCoupon>;
export const MyCouponPage = Page(MyCoupon);
export type MyCouponPage = Static<typeof MyCouponPage>;

export const MyCouponsQuery = Type.Object(
  { ...CursorQuery, status: Type.Optional(literals(userCouponStatuses)) },
  { additionalProperties: false },
);
export type MyCouponsQuery = Static<typeof MyCouponsQuery>;
