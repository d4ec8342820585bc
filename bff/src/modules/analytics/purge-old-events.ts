import { sql } from 'drizzle-orm';
import type { App } from '../../app';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Deletes mini-program events older than EVENT_RETENTION_DAYS, `batchSize` rows per statement so a
 * large backlog never holds one long lock or one huge transaction. The BFF's own events stay: they
 * record shop history (orders, groups, coupons), not what a visitor looked at.
 */
export async function purgeOldEvents(app: App, batchSize = 5000): Promise<number> {
  const cutoff = new Date(app.clock().getTime() - app.config.analytics.retentionDays * dayMs).toISOString();
  let purged = 0;
  for (;;) {
    const deleted = await app.database.rows<{ id: number }>(
      app.db,
      sql`delete from analytics_events where id in (
            select id from analytics_events where source = 'client' and occurred_at < ${cutoff}::timestamptz limit ${batchSize}
          ) returning id`,
    );
    purged += deleted.length;
    if (deleted.length < batchSize) return purged;
  }
}
