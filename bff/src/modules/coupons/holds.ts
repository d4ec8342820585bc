import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordEvent } from '../analytics/record-event';
import { userCoupons } from './tables';

/**
 * A coupon's life inside an order: locked by the pending order, used once it is paid, released if the
 * order is cancelled or expires, returned by a full refund while still valid. Every step is a guarded
 * UPDATE on the coupon's status, so one coupon can never be held by two orders: of two checkouts racing
 * for it, exactly one lock matches.
 */

export async function lockCoupon(tx: Executor, input: { userCouponId: string; userId: string; orderId: string; now: Date }): Promise<boolean> {
  const locked = await tx
    .update(userCoupons)
    .set({ status: 'locked', orderId: input.orderId })
    .where(
      and(
        eq(userCoupons.id, input.userCouponId),
        eq(userCoupons.userId, input.userId),
        eq(userCoupons.status, 'available'),
        lte(userCoupons.validFrom, input.now),
        gt(userCoupons.validUntil, input.now),
      ),
    )
    .returning({ id: userCoupons.id });
  return locked.length === 1;
}

export async function releaseCoupon(tx: Executor, orderId: string): Promise<void> {
  await tx
    .update(userCoupons)
    .set({ status: 'available', orderId: null })
    .where(and(eq(userCoupons.orderId, orderId), eq(userCoupons.status, 'locked')));
}

export async function markCouponUsed(tx: Executor, orderId: string, at: Date): Promise<void> {
  const used = await tx
    .update(userCoupons)
    .set({ status: 'used', usedAt: at })
    .where(and(eq(userCoupons.orderId, orderId), eq(userCoupons.status, 'locked')))
    .returning({ id: userCoupons.id, userId: userCoupons.userId, templateId: userCoupons.templateId });
  for (const coupon of used) {
    await recordEvent(tx, { name: 'coupon_used', at, userId: coupon.userId, orderId, props: { templateId: coupon.templateId, userCouponId: coupon.id } });
  }
}

/** A fully refunded order gives its coupon back, unless the coupon's validity has run out meanwhile. */
export async function returnCoupon(tx: Executor, orderId: string, now: Date): Promise<void> {
  await tx
    .update(userCoupons)
    .set({ status: 'available', orderId: null, usedAt: sql`null` })
    .where(and(eq(userCoupons.orderId, orderId), eq(userCoupons.status, 'used'), gt(userCoupons.validUntil, now)));
}
