import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app';

/**
 * The audit log of the console records every change a staff member asked for, refused ones
 * included (see staff/audit-log.ts): that row on a 4xx is the product's promise, not a leak.
 */
const auditLog = 'staff_actions';

/**
 * Whether anything was written since the last look: the database's rows and the media folder's files.
 *
 * Two levels keep it cheap enough to run after every request. The snapshot's xmax (the next
 * transaction id) moves only when some transaction took an id, i.e. wrote or locked a row; when it
 * moved by no more than the audit entries added (one transaction each), nothing else was written.
 * Otherwise the tables themselves are compared, by row count and newest `xmin` (every insert and
 * update makes a row version with a new xmin, every delete lowers the count). A transaction that
 * wrote and rolled back leaves neither behind, which is exactly "nothing half-written".
 */
export interface WriteWatch {
  /** Takes the current state as the new baseline (after a request that may write). */
  reset(): Promise<void>;
  /** The tables (or `media`) changed since the baseline; empty when nothing was written. */
  changed(): Promise<string[]>;
}

export async function watchWrites(app: App): Promise<WriteWatch> {
  const tables = (
    await app.database.rows<{ name: string }>(app.db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)
  )
    .map((t) => t.name)
    .filter((name) => name !== auditLog);
  const marksQuery = sql.join(
    tables.map((name) => sql`select ${name} as name, count(*)::int as rows, coalesce(max(xmin::text::bigint), 0)::text as newest from ${sql.identifier(name)}`),
    sql` union all `,
  );

  const counters = async () => {
    const [row] = await app.database.rows<{ xmax: string; audited: number }>(
      app.db,
      sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax, (select count(*) from ${sql.identifier(auditLog)})::int as audited`,
    );
    return { xmax: BigInt(row!.xmax), audited: row!.audited, media: mediaFiles(app.config.mediaDir) };
  };
  const marks = async () => {
    const rows = await app.database.rows<{ name: string; rows: number; newest: string }>(app.db, marksQuery);
    return new Map(rows.map((r) => [r.name, `${r.rows}/${r.newest}`]));
  };

  let last = await counters();
  let baseline = await marks();
  /** Whether more happened since `last` than audit entries: then only the tables can tell. */
  const look = async () => {
    await app.staffActionsSettled();
    const now = await counters();
    const onlyAudited = now.xmax - last.xmax <= BigInt(now.audited - last.audited) && now.media === last.media;
    const media = now.media === last.media ? [] : ['media'];
    last = now;
    return { onlyAudited, media };
  };
  return {
    async reset() {
      if (!(await look()).onlyAudited) baseline = await marks();
    },
    async changed() {
      const { onlyAudited, media } = await look();
      if (onlyAudited) return [];
      const current = await marks();
      const changed = [...current].filter(([name, mark]) => baseline.get(name) !== mark).map(([name]) => name);
      baseline = current;
      return [...changed, ...media];
    },
  };
}

function mediaFiles(folder: string): number {
  try {
    return readdirSync(folder, { recursive: true }).length;
  } catch {
    return 0;
  }
}
