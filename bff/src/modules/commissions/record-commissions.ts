import { eq } from 'drizzle-orm';
import { commissionForLine, type CommissionLevel } from '@linli/shared/commissions/rules';
import type { Executor } from '../../db/client';
import { promoterAccount, shopAccount } from '../ledger/accounts';
import { post, type Leg } from '../ledger/post';
import { orderLines, orders } from '../orders/tables';
import { referralProfiles } from '../referrals/tables';
import { isPromoter } from './promoters';
import { ratesForProducts } from './rates';
import { loadReferralSettings } from './settings';
import { commissions } from './tables';

/**
 * Records what a paid order earns its buyer's inviter (level 1) and, when the shop enables it, that
 * inviter's own inviter (level 2) — never deeper. Runs inside the payment's transaction: the
 * commissions are pending from the moment the money is in. Each beneficiary must be a promoter at
 * payment time; a level-2 commission on a line exists only where level 1 earned on it. Unique per
 * (line, level), so applying the same payment twice records nothing more.
 */
export async function recordCommissions(tx: Executor, input: { orderId: string; now: Date }): Promise<number> {
  const [order] = await tx.select({ userId: orders.userId }).from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw new Error(`order ${input.orderId} not found`);
  const level1 = await inviterOf(tx, order.userId);
  if (!level1) return 0;
  if (level1 === order.userId) throw new Error('a buyer is bound to themselves as inviter');

  const settings = await loadReferralSettings(tx);
  if (!(await isPromoter(tx, level1, settings))) return 0;
  const candidate = settings.level2Enabled ? await inviterOf(tx, level1) : null;
  if (candidate === order.userId) throw new Error('the referral tree has a cycle through the buyer');
  const level2 = candidate && (await isPromoter(tx, candidate, settings)) ? candidate : null;

  const lines = await tx.select({ id: orderLines.id, productId: orderLines.productId, payable: orderLines.payable }).from(orderLines).where(eq(orderLines.orderId, input.orderId));
  const rates = await ratesForProducts(tx, [...new Set(lines.map((l) => l.productId))], settings);
  const earned: Array<{ orderLineId: string; beneficiaryId: string; level: CommissionLevel; rateBp: number; amount: number }> = [];
  for (const line of lines) {
    const rate = rates.get(line.productId)!;
    const first = commissionForLine(line.payable, rate.level1Bp);
    if (first === 0) continue;
    earned.push({ orderLineId: line.id, beneficiaryId: level1, level: 1, rateBp: rate.level1Bp, amount: first });
    const second = level2 ? commissionForLine(line.payable, rate.level2Bp) : 0;
    if (level2 && second > 0) earned.push({ orderLineId: line.id, beneficiaryId: level2, level: 2, rateBp: rate.level2Bp, amount: second });
  }
  if (earned.length === 0) return 0;

  const inserted = await tx
    .insert(commissions)
    .values(earned.map((e) => ({ ...e, orderId: input.orderId, buyerId: order.userId, createdAt: input.now })))
    .onConflictDoNothing({ target: [commissions.orderLineId, commissions.level] })
    .returning({ id: commissions.id, beneficiaryId: commissions.beneficiaryId, amount: commissions.amount });
  const legs: Leg[] = inserted.flatMap((c) => [
    { account: shopAccount('shop_commission_expense'), amount: -c.amount, commissionId: c.id },
    { account: promoterAccount(c.beneficiaryId, 'commission_pending'), amount: c.amount, commissionId: c.id },
  ]);
  await post(tx, { kind: 'earned', legs, now: input.now });
  return inserted.length;
}

async function inviterOf(tx: Executor, userId: string): Promise<string | null> {
  const [profile] = await tx.select({ inviterId: referralProfiles.inviterId }).from(referralProfiles).where(eq(referralProfiles.userId, userId));
  return profile?.inviterId ?? null;
}
