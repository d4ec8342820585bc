import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * `pnpm start` serves the shopper h5 build at /h5/ and the merchant console at /console/. On a
 * fresh clone neither is built yet, so the first start builds what is missing (a few minutes, once);
 * after changing either front end, `pnpm build` brings them up to date.
 */
const repoRoot = path.resolve(__dirname, '..');

const webBuilds = [
  { name: 'the shopper h5 build', entry: 'miniapp/dist/h5/index.html', command: ['--filter', '@linli/miniapp', 'build:h5'] },
  { name: 'the merchant console', entry: 'console/dist/index.html', command: ['--filter', '@linli/console', 'build'] },
];

// The pnpm that runs `pnpm start` (also when started as `npx pnpm start`, with no pnpm on PATH).
const execPath = process.env.npm_execpath;
const pnpm = execPath?.includes('pnpm') ? { command: process.execPath, args: [execPath] } : { command: 'pnpm', args: [] };

for (const build of webBuilds) {
  if (existsSync(path.join(repoRoot, build.entry))) continue;
  console.log(`Building ${build.name} (first start only)…`);
  const run = spawnSync(pnpm.command, [...pnpm.args, ...build.command], { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`Could not build ${build.name}; the API still starts, but that page will answer 404.`);
  }
}
