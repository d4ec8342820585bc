import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../bench/processes';

/**
 * Whether the h5 build being served registers each of these page routes with its router (e.g.
 * 'packages/order/pay/index'). The router's own entry (`"path":"…"`) is what counts: the bare path
 * is in every build, because miniapp/src/routes.ts names pages before they exist.
 */
export function routesBuilt(routes: readonly string[]): boolean {
  const js = path.join(repoRoot, 'miniapp', 'dist', 'h5', 'js');
  if (!existsSync(js)) return false;
  const bundles = readdirSync(js)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(js, file), 'utf8'));
  return routes.every((route) => bundles.some((code) => code.includes(`"path":"${route}"`)));
}
