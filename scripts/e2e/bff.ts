import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { ShippingRule } from '@linli/shared/pricing';
import { loadConfig } from '../../bff/src/config';
import { openDatabase } from '../../bff/src/db/client';
import { createOwner } from '../../bff/src/modules/staff/create-owner';
import { startProcess, stopProcess } from '../bench/processes';

export interface RunningBff {
  /** The BFF's own origin; the h5 build is at `${origin}/h5/`. */
  origin: string;
  database: 'postgres' | 'pglite';
  /** The shipping rule the BFF prices with, read from the same environment by the same code. */
  shipping: ShippingRule;
  /** A console owner created for this run (the demo owner's password goes to a terminal, once). */
  consoleOwner: ConsoleCredentials;
  stop(): Promise<void>;
}

export interface ConsoleCredentials {
  username: string;
  password: string;
}

/**
 * The BFF as a child process on a database nobody else uses: a fresh PostgreSQL database when
 * E2E_DATABASE_URL or TEST_DATABASE_URL names a server, else PGlite in a temporary folder. Demo shop
 * seeded, dev login on, PUBLIC_BASE_URL set to its own origin so share links point back at it, and
 * commissions settling as soon as an order is received (no return window).
 */
export async function startBff(): Promise<RunningBff> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const scratch = await mkdtemp(path.join(tmpdir(), 'linli-e2e-'));
  const database = await freshDatabase(scratch);
  const env = {
    ...database.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: origin,
    LOG_LEVEL: 'warn',
    DEV_LOGIN: 'true',
    SEED_DEMO: 'true',
    MEDIA_DIR: path.join(scratch, 'media'),
    // A zero-day return window lets a received order's commission settle at the next job run instead
    // of a week later: the console journey pays a promoter's withdrawal within the run. The jobs look
    // every 2 s so that takes seconds, not the default 30.
    RETURN_WINDOW_DAYS: '0',
    JOB_INTERVAL_SECONDS: '2',
  };
  let child: ChildProcess;
  let consoleOwner: ConsoleCredentials;
  try {
    consoleOwner = await createConsoleOwner({ ...process.env, ...env });
    child = await startProcess(path.join('bff', 'src', 'server.ts'), env, `${origin}/readyz`);
  } catch (err) {
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
    throw err;
  }
  const { orders } = loadConfig({ ...process.env, ...env });
  return {
    origin,
    database: database.kind,
    shipping: { fee: orders.shippingFee, freeThreshold: orders.freeShippingThreshold },
    consoleOwner,
    async stop() {
      await stopProcess(child);
      await database.drop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

interface FreshDatabase {
  kind: RunningBff['database'];
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function freshDatabase(scratch: string): Promise<FreshDatabase> {
  const adminUrl = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    return { kind: 'pglite', env: { PGLITE_DIR: path.join(scratch, 'pglite') }, drop: async () => {} };
  }
  const name = `linli_e2e_${Date.now()}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * An owner with a random password, through the same code as `pnpm create-owner`, on the database the
 * BFF is about to open (PGlite allows one process at a time, so before it starts). The demo seed then
 * sees a shop with staff and creates no owner of its own.
 */
async function createConsoleOwner(env: NodeJS.ProcessEnv): Promise<ConsoleCredentials> {
  const database = await openDatabase(loadConfig(env).database);
  try {
    const credentials = { username: 'e2e-owner', password: randomBytes(12).toString('base64url') };
    const created = await createOwner(database.db, { ...credentials, displayName: '测试店主' });
    if (!created.ok) throw new Error(`could not create the console owner: ${created.problem}`);
    return credentials;
  } finally {
    await database.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
