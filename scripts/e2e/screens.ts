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
  await page.waitForFunction(settled, undefined, { timeout: 15_000 });
  await page.screenshot({ path });
}
