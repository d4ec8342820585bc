import { existsSync } from 'node:fs';
import path from 'node:path';
import { MAIN_PACKAGE_BUDGET_BYTES, inspectWeappBuild } from '../../miniapp/scripts/weapp-check/inspect';
import { launchBrowser, phoneContext } from '../e2e/browser';
import { openHome } from '../e2e/pages/home';
import { repoRoot } from './processes';

export type WeappSize = { built: false } | { built: true; mainPackageBytes: number; budgetBytes: number };

/** The weapp main package as WeChat would count it, when `pnpm build` has made one. */
export function weappSize(): WeappSize {
  const dir = path.join(repoRoot, 'miniapp', 'dist', 'weapp');
  if (!existsSync(path.join(dir, 'app.json'))) return { built: false };
  return { built: true, mainPackageBytes: inspectWeappBuild(dir).mainPackageBytes, budgetBytes: MAIN_PACKAGE_BUDGET_BYTES };
}

/**
 * Time from navigation to the first product card on the h5 home page, served by the BFF under test
 * (localhost, headless Chromium, a phone viewport). Each visit is a fresh browser context — nothing
 * cached — and the median of `visits` is reported. Null when the BFF serves no h5 build.
 */
export async function h5FirstProductRender(base: string, visits = 5): Promise<{ medianMs: number; allMs: number[] } | null> {
  if ((await fetch(`${base}/h5/`)).status !== 200) return null;
  const browser = await launchBrowser();
  try {
    const allMs: number[] = [];
    for (let i = 0; i < visits; i++) {
      const context = await phoneContext(browser, base);
      allMs.push(await openHome(await context.newPage()));
      await context.close();
    }
    const sorted = [...allMs].sort((a, b) => a - b);
    return { medianMs: sorted[Math.floor(sorted.length / 2)]!, allMs };
  } finally {
    await browser.close();
  }
}
