import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import type { couponSources } from '@linli/shared/schemas/coupons';
import { recordEvent } from '../analytics/record-event';
import { couponTemplates, userCoupons } from './tables';

export type CouponSource = (typeof couponSources)[number];
export type UserCoupon = typeof userCoupons.$inferSelect;
export type IssueFailure = 'NOT_FOUND' | 'NOT_AVAILABLE' | 'OUT_OF_STOCK' | 'LIMIT_REACHED';
export type IssueResult = { ok: true; coupon: UserCoupon } | { ok: false; reason: IssueFailure };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The one way a coupon comes into being (claim, push, new-user gift, referral reward). The template
 * row is locked first, so stock and the per-user count are judged with no other issue of the same
 * template in between; the CHECK on issued_count is the last line if anything slipped past.
 */
export async function issueCoupon(
  tx: Transaction,
  input: { templateId: string; userId: string; source: CouponSource; now: Date },
): Promise<IssueResult> {
  const [template] = await tx.select().from(couponTemplates).where(eq(couponTemplates.id, input.templateId)).for('update');
  if (!template) return { ok: false, reason: 'NOT_FOUND' };
  if (!template.active || (input.source === 'claim' && !template.claimable)) return { ok: false, reason: 'NOT_AVAILABLE' };
  if (template.validFrom && template.validUntil && (input.now < template.validFrom || input.now >= template.validUntil)) {
    return { ok: false, reason: 'NOT_AVAILABLE' };
  }
  if (template.totalStock !== null && template.issuedCount >= template.totalStock) return { ok: false, reason: 'OUT_OF_STOCK' };

  const [held] = await tx
    .select({ n: count() })
    .from(userCoupons)
    .where(and(eq(userCoupons.templateId, template.id), eq(userCoupons.userId, input.userId)));
  if ((held?.n ?? 0) >= template.perUserLimit) return { ok: false, reason: 'LIMIT_REACHED' };

  const fixedWindow = template.validFrom && template.validUntil ? { validFrom: template.validFrom, validUntil: template.validUntil } : null;
  const validity = fixedWindow ?? { validFrom: input.now, validUntil: new Date(input.now.getTime() + (template.validDays ?? 0) * DAY_MS) };
  const [coupon] = await tx
    .insert(userCoupons)
    .values({ userId: input.userId, templateId: template.id, source: input.source, issuedAt: input.now, ...validity })
    .returning();
  await tx
    .update(couponTemplates)
    .set({ issuedCount: sql`${couponTemplates.issuedCount} + 1` })
    .where(eq(couponTemplates.id, template.id));
  await recordEvent(tx, { name: 'coupon_claimed', at: input.now, userId: input.userId, props: { templateId: template.id, userCouponId: coupon!.id, source: input.source } });
  return { ok: true, coupon: coupon! };
}

/**
 * A new shopper's welcome coupons: every active new-user gift, in id order (the lock order every
 * caller shares). One that cannot be issued (out of stock, window over) is skipped, not an error.
 */
export async function issueNewUserGifts(tx: Transaction, userId: string, now: Date): Promise<UserCoupon[]> {
  const gifts = await tx
    .select({ id: couponTemplates.id })
    .from(couponTemplates)
    .where(and(eq(couponTemplates.newUserGift, true), eq(couponTemplates.active, true)))
    .orderBy(asc(couponTemplates.id));
  const issued: UserCoupon[] = [];
  for (const gift of gifts) {
    const result = await issueCoupon(tx, { templateId: gift.id, userId, source: 'new_user', now });
    if (result.ok) issued.push(result.coupon);
  }
  return issued;
}
