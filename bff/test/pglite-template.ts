import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { migrationsFolder, openPgliteWith, type DatabaseHandle } from '../src/db/client';

/** A hash of every migration, so a template is rebuilt whenever one changes. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(readFileSync(path.join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

let template: Promise<Blob> | null = null;

/**
 * A fresh in-memory PGlite database, started from a dump of a migrated one. Building every table
 * costs each test app seconds; the dump is made once per machine and set of migrations (a file in the
 * temp folder, written under another name and renamed, so parallel workers never read half of one)
 * and loaded in about a second.
 */
export async function freshPglite(): Promise<DatabaseHandle> {
  template ??= migratedDump();
  return openPgliteWith({ loadDataDir: await template });
}

async function migratedDump(): Promise<Blob> {
  const file = path.join(tmpdir(), `linli-pglite-${migrationsHash()}.tar`);
  if (!existsSync(file)) {
    const migrated = await openPgliteWith({});
    // drizzle keeps the PGlite client it runs on: the dump is of that very database.
    const dump = await (migrated.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
    await migrated.close();
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}
