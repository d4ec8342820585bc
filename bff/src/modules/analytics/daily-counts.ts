import { sql } from 'drizzle-orm';
import type { App } from '../../app';
import { shopTimeZone, type MetricRange } from './metric-range';

/** The counted quantities behind every daily figure; the rates are derived from them (metric-figures.ts). */
export interface Counts {
  gmv: number;
  refunded: number;
  orders: number;
  payingUsers: number;
  returningBuyers: number;
  shareOrders: number;
  visitors: number;
  sharers: number;
  shares: number;
  shareOpens: number;
  newInvitees: number;
  groupsOpened: number;
  groupsSucceeded: number;
  groupsFailed: number;
  couponsClaimed: number;
  couponsUsed: number;
  couponCost: number;
}

/**
 * One row per day of the range plus one for the whole range (date null), in one statement: each
 * source is scanned once and grouped by GROUPING SETS ((day), ()), so distinct counts over the range
 * (paying users, visitors) are counted over the range, never summed from days.
 */
export async function dailyCounts(app: App, range: MetricRange): Promise<Array<{ date: string | null; counts: Counts }>> {
  const start = range.start.toISOString();
  const end = range.end.toISOString();
  const day = (column: string) => sql.raw(`to_char(${column} at time zone '${shopTimeZone}', 'YYYY-MM-DD')`);
  const rows = await app.database.rows<Record<string, unknown>>(
    app.db,
    sql`with
      paid as (
        select ${day('o.paid_at')} as day, o.user_id, o.payable, o.refunded_amount, o.coupon_discount + o.shipping_discount as coupon_cost,
               (sh.sharer_id is not null and sh.sharer_id <> o.user_id) as through_share,
               exists (select 1 from orders e where e.user_id = o.user_id and e.paid_at is not null
                       and (e.paid_at < o.paid_at or (e.paid_at = o.paid_at and e.id < o.id))) as paid_before
        from orders o left join shares sh on sh.id = o.share_id
        where o.paid_at >= ${start}::timestamptz and o.paid_at < ${end}::timestamptz
      ),
      sales as (
        select day, count(*) as orders, coalesce(sum(payable), 0) as gmv, coalesce(sum(refunded_amount), 0) as refunded,
               coalesce(sum(coupon_cost), 0) as coupon_cost,
               count(distinct user_id) as paying_users, count(distinct user_id) filter (where paid_before) as returning_buyers,
               count(*) filter (where through_share) as share_orders
        from paid group by grouping sets ((day), ())
      ),
      activity as (
        select ${day('occurred_at')} as day,
               count(distinct visitor_id) filter (where source = 'client') as visitors,
               count(*) filter (where name = 'share_created') as shares,
               count(distinct user_id) filter (where name = 'share_created') as sharers,
               count(*) filter (where name = 'share_opened') as share_opens,
               count(*) filter (where name = 'group_opened') as groups_opened,
               count(*) filter (where name = 'group_succeeded') as groups_succeeded,
               count(*) filter (where name = 'group_failed') as groups_failed,
               count(*) filter (where name = 'coupon_claimed') as coupons_claimed,
               count(*) filter (where name = 'coupon_used') as coupons_used
        from analytics_events
        where occurred_at >= ${start}::timestamptz and occurred_at < ${end}::timestamptz
          and (source = 'client' or name in ('share_created', 'share_opened', 'group_opened', 'group_succeeded', 'group_failed', 'coupon_claimed', 'coupon_used'))
        group by grouping sets ((day), ())
      ),
      invitees as (
        select ${day('bound_at')} as day, count(*) as new_invitees
        from referral_profiles where bound_at >= ${start}::timestamptz and bound_at < ${end}::timestamptz
        group by grouping sets ((day), ())
      ),
      periods as (
        select to_char(d, 'YYYY-MM-DD') as day from generate_series(${range.from}::date, ${range.to}::date, interval '1 day') d
        union all select null
      )
      select p.day, s.orders, s.gmv, s.refunded, s.coupon_cost, s.paying_users, s.returning_buyers, s.share_orders,
             a.visitors, a.shares, a.sharers, a.share_opens, a.groups_opened, a.groups_succeeded, a.groups_failed,
             a.coupons_claimed, a.coupons_used, i.new_invitees
      from periods p
      left join sales s on s.day is not distinct from p.day
      left join activity a on a.day is not distinct from p.day
      left join invitees i on i.day is not distinct from p.day
      order by p.day nulls last`,
  );
  return rows.map((r) => ({
    date: (r.day as string | null) ?? null,
    counts: {
      gmv: n(r.gmv),
      refunded: n(r.refunded),
      orders: n(r.orders),
      payingUsers: n(r.paying_users),
      returningBuyers: n(r.returning_buyers),
      shareOrders: n(r.share_orders),
      visitors: n(r.visitors),
      sharers: n(r.sharers),
      shares: n(r.shares),
      shareOpens: n(r.share_opens),
      newInvitees: n(r.new_invitees),
      groupsOpened: n(r.groups_opened),
      groupsSucceeded: n(r.groups_succeeded),
      groupsFailed: n(r.groups_failed),
      couponsClaimed: n(r.coupons_claimed),
      couponsUsed: n(r.coupons_used),
      couponCost: n(r.coupon_cost),
    },
  }));
}

/** count() and sum() are bigint: text from postgres.js, bigint or number from PGlite; null when no row joined. */
function n(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
