import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app';

/**
 * The audit log of the console records every change a staff member asked for, refused ones
 * included (see staff/audit-log.ts): that row on a 4xx is the product's promise, not a leak.
 */
const writtenOnRefusalByDesign = new Set(['staff_actions']);

/**
 * Whether anything was written since the last look: the database's rows and the media folder's files.
 *
 * Two levels keep it cheap enough to run after every request. The snapshot's xmax (the next
 * transaction id) moves only when some transaction took an id, i.e. wrote or locked a row; only then
 * are the tables themselves compared, by row count and the newest `xmin` (every insert and update
 * makes a row version with a new xmin, every delete lowers the count). A transaction that wrote and
 * rolled back leaves neither behind, which is exactly "nothing half-written".
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
    .filter((name) => !writtenOnRefusalByDesign.has(name));
  const marksQuery = sql.join(
    tables.map((name) => sql`select ${name} as name, count(*)::int as rows, coalesce(max(xmin::text::bigint), 0)::text as newest from ${sql.identifier(name)}`),
    sql` union all `,
  );

  const nextTransaction = async () =>
    (await app.database.rows<{ xmax: string }>(app.db, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`))[0]!.xmax;
  const marks = async () => {
    const rows = await app.database.rows<{ name: string; rows: number; newest: string }>(app.db, marksQuery);
    return new Map([...rows.map((r) => [r.name, `${r.rows}/${r.newest}`] as const), ['media', String(mediaFiles(app.config.mediaDir))]]);
  };

  let xmax = await nextTransaction();
  let baseline = await marks();
  return {
    async reset() {
      await app.staffActionsSettled();
      const now = await nextTransaction();
      if (now === xmax) return;
      xmax = now;
      baseline = await marks();
    },
    async changed() {
      await app.staffActionsSettled();
      const now = await nextTransaction();
      const media = String(mediaFiles(app.config.mediaDir));
      if (now === xmax && media === baseline.get('media')) return [];
      xmax = now;
      const current = await marks();
      const changed = [...current].filter(([name, mark]) => baseline.get(name) !== mark).map(([name]) => name);
      baseline = current;
      return changed;
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
