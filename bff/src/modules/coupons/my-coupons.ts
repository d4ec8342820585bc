import { and, desc, eq, sql } from 'drizzle-orm';
import type { MyCoupon, UserCouponStatus } from '@linli/shared/schemas/coupons';
import type { Database } from '../../db/client';
import { afterCursor, decodeCursor, keysetPage } from '../../db/cursor';
import { toMyCoupon } from './template-views';
import { couponTemplates, userCoupons } from './tables';

/** A shopper's own coupons, newest first. Always scoped to `userId`: no one sees another's coupons. */
export async function listMyCoupons(
  db: Database,
  query: { userId: string; status?: UserCouponStatus; cursor?: string; limit: number },
): Promise<{ items: MyCoupon[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({
      coupon: userCoupons,
      template: couponTemplates,
      issuedMicros: sql<string>`(extract(epoch from ${userCoupons.issuedAt}) * 1000000)::bigint::text`,
    })
    .from(userCoupons)
    .innerJoin(couponTemplates, eq(couponTemplates.id, userCoupons.templateId))
    .where(
      and(
        eq(userCoupons.userId, query.userId),
        query.status ? eq(userCoupons.status, query.status) : undefined,
        after ? afterCursor(userCoupons.issuedAt, userCoupons.id, after) : undefined,
      ),
    )
    .orderBy(desc(userCoupons.issuedAt), desc(userCoupons.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.issuedMicros, id: last.coupon.id }));
  return {
    items: page.map((r) => toMyCoupon(r.template, r.coupon)),
    nextCursor,
  };
}
