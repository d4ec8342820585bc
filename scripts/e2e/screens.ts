import type { Page } from 'playwright-core';

/**
 * Runs in the page. Text rather than a function because the scripts are typechecked without the DOM
 * library (Node code must not see `window`). True once no page transition is running and every
 * image inside the viewport has loaded.
 */
const settled = `(() => {
  // Taro's h5 router marks a page taro_page_show as it slides in, and taro_page_stationed once there.
  if (document.querySelector('.taro_page_show:not(.taro_page_stationed)') !== null) return false;
  if (document.getAnimations().some((animation) => animation.playState === 'running')) return false;
  // An image Taro loads lazily has no src until it asks for one; only requested images are waited for.
  const inView = [...document.querySelectorAll('img')].filter((img) => {
    if (!img.getAttribute('src')) return false;
    const box = img.getBoundingClientRect();
    return box.width > 0 && box.bottom > 0 && box.top < window.innerHeight;
  });
  return inView.every((img) => img.complete && img.naturalWidth > 0);
})()`;

/**
 * A screenshot of what the shopper sees once the screen has settled: Taro's h5 router slides pages
 * in, and a shot taken mid-slide shows half of two pages.
 */
export async function screenshotSettled(page: Page, path: string): Promise<void> {
  await waitUntilTrue(page, settled, 15_000);
  await page.screenshot({ path });
}

/**
 * Polls an expression in the page until it is true. Not page.waitForFunction: that runs its predicate
 * through eval inside the page, which the shop's Content-Security-Policy (no 'unsafe-eval') refuses —
 * as it should, and the journeys run under that policy.
 */
export async function waitUntilTrue(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`the page did not settle within ${timeoutMs} ms: ${expression.slice(0, 80)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
