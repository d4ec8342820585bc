import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { issueCoupon } from '../coupons/issue-coupon';
import { couponTemplates } from '../coupons/tables';
import { orders } from '../orders/tables';
import { referralProfiles, referralRewards } from './tables';

/**
 * 邀请有礼, the platform-compliant way: the inviter is rewarded when someone they brought in pays
 * for an order for the first time since, never for sharing. Every active referral-reward coupon is issued to the inviter
 * (in template id order, the lock order every issuer shares); one out of stock or over its limit is
 * skipped. Runs in the paying transaction; the reward row makes it once per invitee.
 */
export async function rewardInviter(tx: Transaction, input: { orderId: string; now: Date }): Promise<number> {
  const [profile] = await tx
    .select({ buyerId: referralProfiles.userId, inviterId: referralProfiles.inviterId })
    .from(orders)
    .innerJoin(referralProfiles, eq(referralProfiles.userId, orders.userId))
    .where(and(eq(orders.id, input.orderId), isNotNull(referralProfiles.inviterId)));
  if (!profile?.inviterId) return 0;
  const rewarded = await tx
    .insert(referralRewards)
    .values({ inviteeId: profile.buyerId, inviterId: profile.inviterId, orderId: input.orderId, createdAt: input.now })
    .onConflictDoNothing()
    .returning({ inviteeId: referralRewards.inviteeId });
  if (rewarded.length === 0) return 0;

  const templates = await tx
    .select({ id: couponTemplates.id })
    .from(couponTemplates)
    .where(and(eq(couponTemplates.referralReward, true), eq(couponTemplates.active, true)))
    .orderBy(asc(couponTemplates.id));
  let issued = 0;
  for (const template of templates) {
    const result = await issueCoupon(tx, { templateId: template.id, userId: profile.inviterId, source: 'referral', now: input.now });
    if (result.ok) issued += 1;
  }
  return issued;
}
