import { sql } from 'drizzle-orm';
import type { TopProduct, TopPromoter } from '@linli/shared/schemas/analytics';
import type { App } from '../../app';
import { maskNickname } from '../group-buys/mask-nickname';
import type { MetricRange } from './metric-range';

const listSize = 10;

/** Products by what shoppers paid for their lines in orders paid within the range (shipping excluded). */
export async function topProducts(app: App, range: MetricRange): Promise<TopProduct[]> {
  const start = range.start.toISOString();
  const end = range.end.toISOString();
  const rows = await app.database.rows<{ product_id: string; title: string; gmv: unknown; quantity: unknown; orders: unknown; views: unknown }>(
    app.db,
    sql`with sold as (
          select l.product_id, sum(l.payable) as gmv, sum(l.quantity) as quantity, count(distinct l.order_id) as orders
          from order_lines l join orders o on o.id = l.order_id
          where o.paid_at >= ${start}::timestamptz and o.paid_at < ${end}::timestamptz
          group by l.product_id
          order by gmv desc, quantity desc, l.product_id
          limit ${listSize}
        )
        select s.product_id, p.title, s.gmv, s.quantity, s.orders,
               (select count(*) from analytics_events e
                where e.name = 'product_view' and e.product_id = s.product_id
                  and e.occurred_at >= ${start}::timestamptz and e.occurred_at < ${end}::timestamptz) as views
        from sold s join products p on p.id = s.product_id
        order by s.gmv desc, s.quantity desc, s.product_id`,
  );
  return rows.map((r) => ({ productId: r.product_id, title: r.title, gmv: Number(r.gmv), quantity: Number(r.quantity), orders: Number(r.orders), views: Number(r.views) }));
}

/**
 * Sharers by the paid GMV of orders placed through their shares by someone else (buying through
 * one's own share is not promotion). Nicknames are masked as everywhere else.
 */
export async function topPromoters(app: App, range: MetricRange): Promise<TopPromoter[]> {
  const start = range.start.toISOString();
  const end = range.end.toISOString();
  const rows = await app.database.rows<{ sharer_id: string; nickname: string; gmv: unknown; orders: unknown; shares: unknown; share_opens: unknown }>(
    app.db,
    sql`with sold as (
          select sh.sharer_id, sum(o.payable) as gmv, count(*) as orders
          from orders o join shares sh on sh.id = o.share_id
          where o.paid_at >= ${start}::timestamptz and o.paid_at < ${end}::timestamptz and sh.sharer_id <> o.user_id
          group by sh.sharer_id
          order by gmv desc, orders desc, sh.sharer_id
          limit ${listSize}
        )
        select s.sharer_id, u.nickname, s.gmv, s.orders,
               (select count(*) from analytics_events e
                where e.name = 'share_created' and e.user_id = s.sharer_id
                  and e.occurred_at >= ${start}::timestamptz and e.occurred_at < ${end}::timestamptz) as shares,
               (select count(*) from analytics_events e join shares sh on sh.id = e.share_id
                where e.name = 'share_opened' and sh.sharer_id = s.sharer_id
                  and e.occurred_at >= ${start}::timestamptz and e.occurred_at < ${end}::timestamptz) as share_opens
        from sold s join users u on u.id = s.sharer_id
        order by s.gmv desc, s.orders desc, s.sharer_id`,
  );
  return rows.map((r) => ({
    userId: r.sharer_id,
    nickname: maskNickname(r.nickname),
    gmv: Number(r.gmv),
    orders: Number(r.orders),
    shares: Number(r.shares),
    shareOpens: Number(r.share_opens),
  }));
}
