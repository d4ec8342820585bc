import type { CouponTemplate, MyCoupon } from '@linli/shared/schemas/coupons';
import type { couponTemplates, userCoupons } from './tables';

type TemplateRow = typeof couponTemplates.$inferSelect;
type UserCouponRow = typeof userCoupons.$inferSelect;

/** What the coupon takes off and where, as both the console and the shopper see it. */
export function ruleFieldsOf(t: TemplateRow) {
  return {
    kind: t.kind,
    threshold: t.threshold,
    amountOff: t.amountOff,
    percentOff: t.percentOff,
    cap: t.cap,
    scopeKind: t.scopeKind,
    scopeIds: t.scopeIds,
    stacksWithGroupPrice: t.stacksWithGroupPrice,
  };
}

export function toCouponTemplate(t: TemplateRow): CouponTemplate {
  return {
    id: t.id,
    title: t.title,
    ...ruleFieldsOf(t),
    validFrom: t.validFrom?.toISOString() ?? null,
    validUntil: t.validUntil?.toISOString() ?? null,
    validDays: t.validDays,
    totalStock: t.totalStock,
    issuedCount: t.issuedCount,
    perUserLimit: t.perUserLimit,
    claimable: t.claimable,
    newUserGift: t.newUserGift,
    referralReward: t.referralReward,
    active: t.active,
    createdAt: t.createdAt.toISOString(),
  };
}

export function toMyCoupon(t: TemplateRow, c: UserCouponRow): MyCoupon {
  return {
    id: c.id,
    templateId: t.id,
    title: t.title,
    ...ruleFieldsOf(t),
    status: c.status,
    validFrom: c.validFrom.toISOString(),
    validUntil: c.validUntil.toISOString(),
    issuedAt: c.issuedAt.toISOString(),
  };
}
