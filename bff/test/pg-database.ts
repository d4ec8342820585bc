import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { App, AppDependencies } from '../src/app';
import { openDatabase } from '../src/db/client';
import { buildTestApp } from './helper';
import { migrationsHash } from './pglite-template';

/**
 * Real-PostgreSQL test databases. Each suite gets its own database cloned from a migrated template
 * (CREATE DATABASE … TEMPLATE), which takes a fraction of a second instead of re-running migrations.
 * Without TEST_DATABASE_URL the suites skip and say why, so `pnpm test` passes on a bare machine.
 */
export const adminUrl = process.env.TEST_DATABASE_URL ?? null;

export const describeOnPostgres: jest.Describe = adminUrl
  ? describe
  : (((name: string, fn: () => void) => {
      console.log(`skipped "${name}": set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run it on a real PostgreSQL server`);
      describe.skip(name, fn);
    }) as unknown as jest.Describe);

function urlFor(database: string): string {
  const url = new URL(adminUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
  const template = `linli_tpl_${migrationsHash()}`;
  const name = `linli_test_${randomBytes(6).toString('hex')}`;
  try {
    // Jest workers race to build the template: one builds it under the lock, the others wait.
    await admin`select pg_advisory_lock(7411002)`;
    const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!exists) {
      await admin.unsafe(`create database ${template}`);
      const handle = await openDatabase({ url: urlFor(template), poolMax: 1, pgliteDir: '' });
      await handle.close();
    }
    await admin.unsafe(`create database ${name} template ${template}`);
    await admin`select pg_advisory_unlock(7411002)`;
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(name),
    drop: async () => {
      const cleaner = postgres(adminUrl!, { max: 1, onnotice: () => {} });
      await cleaner.unsafe(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

/** An app on its own fresh database; `close` shuts the app and drops the database. */
export async function appOnFreshDatabase(env: Record<string, string> = {}, deps: AppDependencies = {}): Promise<{ app: App; url: string; close: () => Promise<void> }> {
  const database = await freshDatabase();
  const app = await buildTestApp({ DATABASE_URL: database.url, DATABASE_POOL_MAX: '20', ...env }, deps);
  return {
    app,
    url: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * For suites whose promise must hold on the server shoppers use, and still run on a bare machine: a
 * fresh real database when TEST_DATABASE_URL is set (CI always sets it), else the in-memory PGlite.
 * `env` goes into the app's configuration; `drop` removes the database after the app has closed.
 */
export async function realDatabaseIfConfigured(): Promise<{ name: string; env: Record<string, string>; drop: () => Promise<void> }> {
  if (!adminUrl) return { name: 'PGlite', env: {}, drop: async () => {} };
  const database = await freshDatabase();
  return { name: 'PostgreSQL', env: { DATABASE_URL: database.url }, drop: database.drop };
}
