import { and, eq, inArray, lte } from 'drizzle-orm';
import type { App } from '../../app';
import { userCoupons } from './tables';

/**
 * The sweeper: available coupons past their validity become expired, up to `limit` per run. The
 * UPDATE moves only rows still 'available', so a coupon locked by a checkout meanwhile is left alone
 * and two instances sweeping together expire each coupon once.
 */
export async function expireCoupons(app: App, limit = 500): Promise<number> {
  const now = app.clock();
  const due = app.db
    .select({ id: userCoupons.id })
    .from(userCoupons)
    .where(and(eq(userCoupons.status, 'available'), lte(userCoupons.validUntil, now)))
    .limit(limit);
  const expired = await app.db
    .update(userCoupons)
    .set({ status: 'expired' })
    .where(and(inArray(userCoupons.id, due), eq(userCoupons.status, 'available')))
    .returning({ id: userCoupons.id });
  return expired.length;
}
