import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { describeRejection, rankCoupons, type CouponForPricing, type PricingLine, type ShippingRule } from '@linli/shared/pricing';
import type { Static } from '@sinclair/typebox';
import type { CouponOption } from '@linli/shared/schemas/order';
import type { Executor } from '../../db/client';
import { couponForPricing } from './for-pricing';
import { couponTemplates, userCoupons } from './tables';

/** My coupons that could be used right now (available and within their validity), soonest to expire first. */
export async function usableCoupons(db: Executor, userId: string, now: Date): Promise<CouponForPricing[]> {
  const rows = await db
    .select({ coupon: userCoupons, template: couponTemplates })
    .from(userCoupons)
    .innerJoin(couponTemplates, eq(couponTemplates.id, userCoupons.templateId))
    .where(and(eq(userCoupons.userId, userId), eq(userCoupons.status, 'available'), lte(userCoupons.validFrom, now), gt(userCoupons.validUntil, now)))
    .orderBy(asc(userCoupons.validUntil))
    .limit(100);
  return rows.map((r) => couponForPricing(r.template, r.coupon));
}

/** One of my coupons, whatever its state (null if it is not mine). */
export async function myCoupon(db: Executor, userId: string, userCouponId: string): Promise<{ forPricing: CouponForPricing; status: string } | null> {
  const [row] = await db
    .select({ coupon: userCoupons, template: couponTemplates })
    .from(userCoupons)
    .innerJoin(couponTemplates, eq(couponTemplates.id, userCoupons.templateId))
    .where(and(eq(userCoupons.id, userCouponId), eq(userCoupons.userId, userId)));
  return row ? { forPricing: couponForPricing(row.template, row.coupon), status: row.coupon.status } : null;
}

/** Checkout's coupon list: the best one first, and for each of the others why it does not apply. */
export function couponOptions(
  lines: PricingLine[],
  coupons: CouponForPricing[],
  shipping: ShippingRule,
  now: Date,
): { bestId: string | null; options: Array<Static<typeof CouponOption>> } {
  const ranking = rankCoupons({ lines, coupons, shipping, now: now.toISOString() });
  const byId = new Map(coupons.map((c) => [c.id, c]));
  return {
    bestId: ranking.bestId,
    options: ranking.options.map((o) => ({
      id: o.id,
      title: byId.get(o.id)!.title,
      validUntil: byId.get(o.id)!.validUntil,
      applicable: o.applicable,
      saving: o.saving,
      reason: o.applicable ? null : describeRejection(o.rejection),
    })),
  };
}
