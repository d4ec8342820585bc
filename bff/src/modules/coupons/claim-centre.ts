import { and, asc, count, eq, gt, isNull, or } from 'drizzle-orm';
import type { CentreCoupon, MyCoupon } from '@linli/shared/schemas/coupons';
import type { App } from '../../app';
import { issueCoupon } from './issue-coupon';
import { issueFailureError } from './issue-errors';
import { ruleFieldsOf, toMyCoupon } from './template-views';
import { couponTemplates, userCoupons } from './tables';

/** The claim centre: active, listed templates whose window has not ended, and whether I may still claim. */
export async function listCentre(app: App, userId: string): Promise<CentreCoupon[]> {
  const now = app.clock();
  const rows = await app.db
    .select({ template: couponTemplates, claimedByMe: count(userCoupons.id) })
    .from(couponTemplates)
    .leftJoin(userCoupons, and(eq(userCoupons.templateId, couponTemplates.id), eq(userCoupons.userId, userId)))
    .where(
      and(
        eq(couponTemplates.active, true),
        eq(couponTemplates.claimable, true),
        or(isNull(couponTemplates.validUntil), gt(couponTemplates.validUntil, now)),
      ),
    )
    .groupBy(couponTemplates.id)
    .orderBy(asc(couponTemplates.createdAt), asc(couponTemplates.id));
  return rows.map(({ template: t, claimedByMe }) => {
    const remaining = t.totalStock === null ? null : t.totalStock - t.issuedCount;
    const started = t.validFrom === null || t.validFrom <= now;
    return {
      templateId: t.id,
      title: t.title,
      ...ruleFieldsOf(t),
      validFrom: t.validFrom?.toISOString() ?? null,
      validUntil: t.validUntil?.toISOString() ?? null,
      validDays: t.validDays,
      remaining,
      perUserLimit: t.perUserLimit,
      claimedByMe,
      canClaim: started && remaining !== 0 && claimedByMe < t.perUserLimit,
    };
  });
}

export async function claimCoupon(app: App, userId: string, templateId: string): Promise<MyCoupon> {
  return app.db.transaction(async (tx) => {
    const issued = await issueCoupon(tx, { templateId, userId, source: 'claim', now: app.clock() });
    if (!issued.ok) throw issueFailureError(issued.reason);
    const [template] = await tx.select().from(couponTemplates).where(eq(couponTemplates.id, templateId));
    return toMyCoupon(template!, issued.coupon);
  });
}
