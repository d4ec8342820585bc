import { eq, sql } from 'drizzle-orm';
import type { OrderDetail } from '@linli/shared/schemas/order';
import type { PromoterMe, ReferralSettings } from '@linli/shared/schemas/promoters';
import type { App } from '../../src/app';
import { commissions } from '../../src/modules/commissions/tables';
import { bindViewerToSharer } from '../../src/modules/referrals/inviter-binding';
import { users } from '../../src/modules/users/tables';
import { address, createShopper, createStaffMember, idempotencyKey } from '../fixtures';
import { payThroughSandbox, prepay } from '../payments/shopping-steps';

type Shopper = Awaited<ReturnType<typeof createShopper>>;

/** grandInviter ← inviter ← buyer: the buyer was brought in by the inviter, who was brought in by the grand-inviter. */
export async function referralChain(app: App): Promise<{ grandInviter: Shopper; inviter: Shopper; buyer: Shopper }> {
  const grandInviter = await createShopper(app, '王大');
  const inviter = await createShopper(app, '李二');
  const buyer = await createShopper(app, '张三');
  if (!(await bindViewerToSharer(app, inviter.userId, grandInviter.userId))) throw new Error('inviter not bound');
  if (!(await bindViewerToSharer(app, buyer.userId, inviter.userId))) throw new Error('buyer not bound');
  return { grandInviter, inviter, buyer };
}

/** The shop's referral settings changed by an owner through the console. */
export async function configureReferrals(app: App, changes: Partial<ReferralSettings>): Promise<ReferralSettings> {
  const owner = await createStaffMember(app, 'owner');
  const current = (await app.inject({ method: 'GET', url: '/api/console/referral-settings', headers: owner.headers })).json<ReferralSettings>();
  const res = await app.inject({ method: 'PUT', url: '/api/console/referral-settings', headers: owner.headers, payload: { ...current, ...changes } });
  if (res.statusCode !== 200) throw new Error(`settings not saved: ${res.statusCode} ${res.body}`);
  return res.json<ReferralSettings>();
}

/** The buyer orders `quantity` of one SKU and pays in the sandbox. */
export async function paidOrder(app: App, buyer: Shopper, skuId: string, quantity = 1): Promise<OrderDetail> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { ...buyer.headers, 'idempotency-key': idempotencyKey() },
    payload: { lines: [{ skuId, quantity }], address },
  });
  if (res.statusCode !== 201) throw new Error(`order not placed: ${res.statusCode} ${res.body}`);
  const order = res.json<OrderDetail>();
  await prepay(app, buyer, order.id);
  return payThroughSandbox(app, buyer, order.id);
}

export async function promoterMe(app: App, shopper: Shopper): Promise<PromoterMe> {
  const res = await app.inject({ method: 'GET', url: '/api/promoter/me', headers: shopper.headers });
  if (res.statusCode !== 200) throw new Error(`promoter/me: ${res.statusCode} ${res.body}`);
  return res.json<PromoterMe>();
}

export async function commissionsOf(app: App, orderId: string) {
  return app.db.select().from(commissions).where(eq(commissions.orderId, orderId)).orderBy(commissions.level);
}

/** WeChat identity the payout is sent to (dev-login shoppers have none). */
export async function giveOpenid(app: App, shopper: Shopper): Promise<void> {
  await app.db.update(users).set({ openid: `openid-${shopper.userId}` }).where(eq(users.id, shopper.userId));
}

/**
 * The ledger's two promises, over everything it holds: every cached balance (promoters' accounts) is the sum
 * of its entries, and every posting's entries sum to zero.
 */
export async function ledgerProblems(app: App): Promise<string[]> {
  const drift = await app.database.rows<{ id: string; balance: number; total: number }>(
    app.db,
    sql`select a.id, a.balance::int as balance, coalesce(sum(e.amount), 0)::int as total
        from ledger_accounts a left join ledger_entries e on e.account_id = a.id
        where a.balance is not null
        group by a.id having a.balance <> coalesce(sum(e.amount), 0)`,
  );
  const unbalanced = await app.database.rows<{ transaction_id: string }>(
    app.db,
    sql`select transaction_id from ledger_entries group by transaction_id having sum(amount) <> 0`,
  );
  return [...drift.map((d) => `account ${d.id}: balance ${d.balance} but entries sum to ${d.total}`), ...unbalanced.map((t) => `posting ${t.transaction_id} does not sum to zero`)];
}
