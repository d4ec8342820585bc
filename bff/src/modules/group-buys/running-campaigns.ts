import { sql } from 'drizzle-orm';
import type { RunningCampaign } from '@linli/shared/schemas/group-buys';
import type { DatabaseHandle } from '../../db/client';

type Row = Omit<RunningCampaign, 'endsAt'> & { endsAt: Date | string };

/**
 * The campaigns a shopper can open or join right now (active, inside their window, on an on-shelf
 * product), those most shoppers have joined first, then those ending soonest. One round trip: the
 * cheapest group price and the paid-seat count come from lateral subqueries. Counts are real paid
 * seats, never padded (PRODUCT.md: no fabricated group members).
 */
export async function runningCampaigns(database: DatabaseHandle, limit: number, now: Date): Promise<RunningCampaign[]> {
  const rows = await database.rows<Row>(
    database.db,
    sql`select c.id as "campaignId", c.product_id as "productId", c.title, p.title as "productTitle",
               coalesce(p.images->>0, '') as "coverUrl", c.group_size as "groupSize",
               k.group_price as "groupPrice", k.price, c.ends_at as "endsAt",
               j.joined as "joinedCount", p.sales_count as "salesCount"
        from group_campaigns c
        join products p on p.id = c.product_id and p.on_shelf
        cross join lateral (
          select cs.group_price, s.price
          from group_campaign_skus cs join skus s on s.id = cs.sku_id
          where cs.campaign_id = c.id
          order by cs.group_price, s.price
          limit 1
        ) k
        cross join lateral (
          select coalesce(sum(g.seats_paid), 0)::int as joined from groups g where g.campaign_id = c.id
        ) j
        where c.active and c.starts_at <= ${now.toISOString()}::timestamptz and c.ends_at > ${now.toISOString()}::timestamptz
        order by j.joined desc, c.ends_at asc, c.id
        limit ${limit}`,
  );
  return rows.map((row) => ({ ...row, endsAt: new Date(row.endsAt).toISOString() }));
}
