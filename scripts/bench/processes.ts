import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

/**
 * Starts a TypeScript entry point as its own process and waits until it answers `readyUrl`. With
 * `preload`, node itself runs the entry (tsx as a loader, then each preloaded module), so the child's
 * pid is the process that serves; it may collect garbage on demand (--expose-gc), so a preloaded
 * probe can measure what memory survives a full collection.
 */
export async function startProcess(entry: string, env: Record<string, string>, readyUrl: string, preload: string[] = []): Promise<ChildProcess> {
  const [command, args] = preload.length > 0 ? [process.execPath, ['--expose-gc', '--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), entry]] : [tsx, [entry]];
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited early:\n${output}`);
    try {
      const res = await fetch(readyUrl);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} did not become ready:\n${output}`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
