import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A repository method runs on the database or inside the caller's transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Raw SQL returning rows, the same on both drivers (postgres.js returns an array, PGlite `{ rows }`). */
  rows<T extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(__dirname, '..', '..', 'drizzle');

/** DATABASE_URL set → postgres.js against a real server; unset → PGlite in a local folder (or memory). */
export async function openDatabase(options: { url: string | null; poolMax: number; pgliteDir: string }): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options.poolMax) : openPglite(options.pgliteDir);
}

async function openPostgres(url: string, poolMax: number): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');

  // Several instances may start together: one migrates while the others wait on the advisory lock.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(7411001)`;
    await migrate(drizzle(migrator, { casing: 'snake_case' }), { migrationsFolder });
    await migrator`select pg_advisory_unlock(7411001)`;
  } finally {
    await migrator.end();
  }

  const client = postgres(url, {
    max: poolMax,
    onnotice: () => {},
    connect_timeout: 5,
    idle_timeout: 60,
    // postgres.js waits longer before each reconnect after a failed one (up to 20 s by default): after
    // a database restart the pool would stay away for seconds after the server was back. A short,
    // capped wait (seconds) keeps requests during an outage failing fast and recovery under a second.
    backoff: (attempts: number) => Math.min(0.05 * 2 ** attempts, 0.5),
  });
  const db = drizzle(preparing(client), { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    rows: async <T extends Record<string, unknown>>(executor: Executor, query: SQL) =>
      (await executor.execute(query)) as unknown as T[],
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * drizzle sends every query through postgres.js's `unsafe`, which never prepares: each statement is
 * parsed and planned again on every call, and that planning was most of an order's database time.
 * This wrapper asks postgres.js to prepare them (a named statement per query text, per connection),
 * inside transactions too. Needs a session-pooled connection (not PgBouncer transaction mode).
 */
function preparing<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key === 'unsafe' && typeof value === 'function') {
        return (query: string, args?: unknown[], options?: Record<string, unknown>) => value.call(target, query, args, { prepare: true, ...options });
      }
      if ((key === 'begin' || key === 'savepoint') && typeof value === 'function') {
        return (...params: unknown[]) => {
          const callback = params.at(-1) as (tx: object) => unknown;
          return value.call(target, ...params.slice(0, -1), (tx: object) => callback(preparing(tx)));
        };
      }
      return value;
    },
  });
}

async function openPglite(dir: string): Promise<DatabaseHandle> {
  const dataDir = dir === 'memory' ? undefined : path.resolve(dir);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return openPgliteWith({ dataDir });
}

/**
 * PGlite with its options as given, migrated. `loadDataDir` starts it from a dump of an already
 * migrated database (tests: a fresh database in about a second instead of building every table).
 */
export async function openPgliteWith(options: { dataDir?: string; loadDataDir?: Blob }): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');

  const client = new PGlite(options);
  const db = drizzle(client, { schema, casing: 'snake_case' });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    rows: async <T extends Record<string, unknown>>(executor: Executor, query: SQL) =>
      ((await executor.execute(query)) as unknown as { rows: T[] }).rows,
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

