import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../platform/server-process';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the suite's own, in a temporary folder, that the suite may stop and start:
 * the shared server on 5432 serves every other suite and must never restart. PostgreSQL refuses to
 * run as root, so as root the cluster belongs to the `postgres` OS user and its commands run as it.
 */
export interface PrivateCluster {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** The folder holding initdb and pg_ctl, or null (then the suite skips and says why). */
export function findPostgresBinaries(): string | null {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (onPath) return onPath;
  const installed = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : [];
  const version = installed.find((v) => existsSync(path.join('/usr/lib/postgresql', v, 'bin', 'pg_ctl')));
  return version ? path.join('/usr/lib/postgresql', version, 'bin') : null;
}

export async function startPrivateCluster(binaries: string): Promise<PrivateCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const as = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(binaries, command), ...args]) : run(path.join(binaries, command), args);
  const data = path.join(dir, 'data');
  const port = await freePort();
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // Durability is not under test here; fsync off keeps the suite fast on a busy machine.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = async () => {
    await as('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: async () => {
      await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    destroy: async () => {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
