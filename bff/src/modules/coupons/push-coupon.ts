import { eq, inArray } from 'drizzle-orm';
import type { PushResult } from '@linli/shared/schemas/coupons';
import type { App } from '../../app';
import { notFound } from '../../plugins/errors';
import { users } from '../users/tables';
import { issueCoupon } from './issue-coupon';
import { issueFailureCodes } from './issue-errors';
import { couponTemplates } from './tables';

/**
 * A merchant push: one transaction per shopper, so a refusal (limit reached, stock gone) for one of
 * them leaves the others' coupons in place, and the answer says who got one and who did not.
 */
export async function pushCoupon(app: App, templateId: string, userIds: readonly string[]): Promise<PushResult> {
  const [template] = await app.db.select({ id: couponTemplates.id }).from(couponTemplates).where(eq(couponTemplates.id, templateId));
  if (!template) throw notFound('优惠券');
  const known = new Set((await app.db.select({ id: users.id }).from(users).where(inArray(users.id, [...userIds]))).map((u) => u.id));

  const results: PushResult['results'] = [];
  for (const userId of userIds) {
    if (!known.has(userId)) {
      results.push({ userId, ok: false, code: 'USER_NOT_FOUND' });
      continue;
    }
    const issued = await app.db.transaction((tx) => issueCoupon(tx, { templateId, userId, source: 'push', now: app.clock() }));
    results.push(issued.ok ? { userId, ok: true, couponId: issued.coupon.id } : { userId, ok: false, code: issueFailureCodes[issued.reason] });
  }
  return { results };
}
