import { sql } from 'drizzle-orm';
import type { App } from '../../src/app';

/**
 * Everything the shop holds about a cast of shoppers and the goods they bought, with ids, numbers and
 * times left out and each shopper named by their place in the cast. Two runs of one scenario (one
 * undisturbed, one with a fault and a retry) must tell the same story; one story taken before a
 * failed request and one after must be equal, or something was half-written.
 */
export interface Cast {
  shoppers: string[];
  skus: string[];
}

export async function storyOf(app: App, cast: Cast): Promise<Record<string, unknown>> {
  const who = `{${cast.shoppers.join(',')}}`;
  const goods = `{${cast.skus.join(',')}}`;
  const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => app.database.rows<T>(app.db, query);
  const [orders, stock, coupons, groups, commissions, balances, events, rewards] = await Promise.all([
    rows(sql`select array_position(${who}::uuid[], o.user_id) as shopper, o.status, o.items_total, o.group_discount, o.coupon_discount,
                    o.shipping_fee, o.payable, o.refunded_amount, o.paid_at is not null as paid, o.user_coupon_id is not null as with_coupon,
                    (select string_agg(e.action || '→' || e.to_status, ' ' order by e.id) from order_events e where e.order_id = o.id) as events,
                    (select string_agg(l.quantity || '×' || l.charged_unit_price || '=' || l.payable, ' ' order by l.sku_id) from order_lines l where l.order_id = o.id) as lines,
                    (select string_agg(p.status || ':' || p.amount, ' ') from payments p where p.order_id = o.id) as payment,
                    (select string_agg(s.status || case when s.is_leader then ' leader' else '' end, ' ') from group_seats s where s.order_id = o.id) as seat,
                    (select count(*)::int from refunds r where r.order_id = o.id) as refunds
             from orders o where o.user_id = any(${who}::uuid[])
             order by shopper, o.created_at, o.order_no`),
    rows(sql`select array_position(${goods}::uuid[], s.id) as sku, s.stock, p.sales_count
             from skus s join products p on p.id = s.product_id where s.id = any(${goods}::uuid[]) order by sku`),
    rows(sql`select array_position(${who}::uuid[], c.user_id) as shopper, c.status, c.order_id is not null as held
             from user_coupons c where c.user_id = any(${who}::uuid[]) order by shopper, c.status`),
    rows(sql`select array_position(${who}::uuid[], g.leader_id) as leader, g.status, g.size, g.seats_taken, g.seats_paid
             from groups g where g.leader_id = any(${who}::uuid[]) order by leader, g.status`),
    rows(sql`select array_position(${who}::uuid[], c.beneficiary_id) as beneficiary, array_position(${who}::uuid[], c.buyer_id) as buyer,
                    c.level, c.amount, c.reversed_amount, c.status
             from commissions c where c.buyer_id = any(${who}::uuid[]) order by buyer, beneficiary, c.level, c.status`),
    rows(sql`select array_position(${who}::uuid[], a.user_id) as shopper, a.kind, a.balance,
                    (select count(*)::int from ledger_entries e where e.account_id = a.id) as entries
             from ledger_accounts a where a.user_id = any(${who}::uuid[]) order by shopper, a.kind`),
    rows(sql`select array_position(${who}::uuid[], e.user_id) as shopper, e.name, count(*)::int as count
             from analytics_events e where e.source = 'server' and e.user_id = any(${who}::uuid[]) group by 1, 2 order by 1, 2`),
    rows(sql`select array_position(${who}::uuid[], r.inviter_id) as inviter, array_position(${who}::uuid[], r.invitee_id) as invitee
             from referral_rewards r where r.invitee_id = any(${who}::uuid[]) order by invitee`),
  ]);
  return { orders, stock, coupons, groups, commissions, balances, events, rewards };
}
