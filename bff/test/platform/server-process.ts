import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LogLine } from './captured-log';

const repositoryRoot = path.resolve(__dirname, '../../..');

/** A port nobody listens on right now (PORT=0 would hide the chosen port from the test). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `tsx bff/src/server.ts` as a real process on an in-memory database, with its JSON log lines
 * collected from stdout so a test can wait for what the server says it did.
 */
export function startServer(port: number, env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(path.join(repositoryRoot, 'node_modules/.bin/tsx'), ['bff/src/server.ts'], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PGLITE_DIR: 'memory',
      MEDIA_DIR: mkdtempSync(path.join(tmpdir(), 'linli-server-media-')),
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the server in a child process, and a failed test must be able
    // to stop both.
    detached: true,
  });

  const lines: LogLine[] = [];
  let stderr = '';
  let pending = '';
  let checks: Array<() => boolean> = [];
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let exited = false;
  void exit.then(() => {
    exited = true;
    checks = checks.filter((check) => !check());
  });

  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) if (line.startsWith('{')) lines.push(JSON.parse(line) as LogLine);
    checks = checks.filter((check) => !check());
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  /** Resolves once a log line satisfies `count` lines of `predicate`; rejects if the process exits first. */
  function logged(predicate: (line: LogLine) => boolean, count = 1): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (lines.filter(predicate).length >= count) resolve();
        else if (exited) reject(new Error(`server exited before logging what was awaited; stderr:\n${stderr}`));
        else return false;
        return true;
      };
      if (!check()) checks.push(check);
    });
  }

  /** Kills the process group if it is still running (after a failed test). */
  function kill() {
    if (!exited && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }

  return { child, lines, exit, logged, kill, baseUrl: `http://127.0.0.1:${port}` };
}
