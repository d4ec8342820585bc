import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { repoRoot } from '../bench/processes';
import { startBff, type RunningBff } from './bff';
import { launchBrowser, phoneContext } from './browser';
import type { Journey, JourneyContext } from './journey';
import { journeys } from './journeys';

/**
 * `pnpm e2e [words…]`: the shopper journeys in headless Chromium against the h5 build served by a
 * real BFF process (build first: `pnpm build`). Words pick journeys whose name contains them.
 * Screenshots go to docs/screenshots/; a failed journey's screens go to .data/e2e-failures/.
 * Ends with `e2e: N passed, N failed, N skipped` and a non-zero exit on any failure.
 */
const screenshotDir = path.join(repoRoot, 'docs', 'screenshots');
const failureDir = path.join(repoRoot, '.data', 'e2e-failures');
const journeyTimeoutMs = 90_000;

async function main(): Promise<number> {
  const words = process.argv.slice(2).filter((arg) => arg !== '--');
  const chosen = journeys.filter((j) => words.every((w) => j.name.includes(w)));
  if (!existsSync(path.join(repoRoot, 'miniapp', 'dist', 'h5', 'index.html'))) {
    console.error('e2e: no h5 build at miniapp/dist/h5 — run `pnpm build` first');
    return summary(0, 1, 0);
  }
  await mkdir(screenshotDir, { recursive: true });

  const started = Date.now();
  const bff = await startBff();
  let browser: Browser | null = null;
  try {
    const h5 = await fetch(`${bff.origin}/h5/`);
    if (!h5.ok) throw new Error(`the BFF does not serve the h5 build: GET /h5/ → ${h5.status}`);
    browser = await launchBrowser();
    console.log(`e2e: BFF on ${bff.database} at ${bff.origin}, Chromium ${browser.version()}, ready in ${Date.now() - started} ms`);

    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const journey of chosen) {
      const outcome = await runJourney(journey, browser, bff);
      if (outcome === 'passed') passed++;
      else if (outcome === 'failed') failed++;
      else skipped++;
    }
    return summary(passed, failed, skipped);
  } finally {
    await browser?.close();
    await bff.stop();
  }
}

async function runJourney(journey: Journey, browser: Browser, bff: RunningBff): Promise<'passed' | 'failed' | 'skipped'> {
  const phones: BrowserContext[] = [];
  const metrics: string[] = [];
  const context: JourneyContext = {
    browser,
    origin: bff.origin,
    shipping: bff.shipping,
    consoleOwner: bff.consoleOwner,
    async phone() {
      const phone = await phoneContext(browser, bff.origin);
      phones.push(phone);
      return phone.newPage();
    },
    screenshotPath: (name) => path.join(screenshotDir, `${name}.png`),
    metric: (name, ms) => metrics.push(`${name} ${ms} ms`),
  };
  const started = Date.now();
  try {
    const result = await withTimeout(journey.run(context), journey.timeoutMs ?? journeyTimeoutMs);
    const took = Date.now() - started;
    if (result === 'skipped') {
      console.log(`  - ${journey.name} (skipped: not in this build yet)`);
      return 'skipped';
    }
    console.log(`  ✓ ${journey.name} (${took} ms)${metrics.map((m) => `\n      ${m}`).join('')}`);
    return 'passed';
  } catch (err) {
    console.log(`  ✗ ${journey.name} (${Date.now() - started} ms)\n      ${String(err instanceof Error ? err.stack ?? err.message : err).replace(/\n/g, '\n      ')}`);
    await saveFailureScreens(journey, phones);
    return 'failed';
  } finally {
    await Promise.all(phones.map((phone) => phone.close()));
  }
}

async function saveFailureScreens(journey: Journey, phones: BrowserContext[]) {
  await mkdir(failureDir, { recursive: true });
  const slug = journey.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const pages = phones.flatMap((phone) => phone.pages());
  for (const [i, page] of pages.entries()) {
    const file = path.join(failureDir, `${slug}-${i + 1}.png`);
    await page.screenshot({ path: file }).then(
      () => console.log(`      screen: ${path.relative(repoRoot, file)}`),
      () => {},
    );
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`journey timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function summary(passed: number, failed: number, skipped: number): number {
  console.log(`e2e: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
