import type { Locator, Page } from 'playwright-core';

export const productCards = (page: Page): Locator => page.locator('.product-card');

/**
 * Opens the h5 home page and waits for the first product card. Returns the milliseconds from the
 * start of navigation to that card, on the page's own clock (browser start-up not included).
 */
export async function openHome(page: Page): Promise<number> {
  await page.goto('/h5/');
  await productCards(page).first().waitFor({ state: 'visible', timeout: 20_000 });
  return page.evaluate(() => Math.round(performance.now()));
}

/**
 * Runs in the page. Text rather than a function because the scripts are typechecked without the DOM
 * library (Node code must not see `window`).
 */
const visibleImagesLoaded = `(() => {
  const inView = [...document.querySelectorAll('img')].filter((img) => {
    const box = img.getBoundingClientRect();
    return box.width > 0 && box.bottom > 0 && box.top < window.innerHeight;
  });
  return inView.length > 0 && inView.every((img) => img.complete && img.naturalWidth > 0);
})()`;

/**
 * Waits until every image inside the viewport (banner, group buys, product cards) has loaded, so a
 * screenshot shows them.
 */
export async function waitForVisibleImages(page: Page): Promise<void> {
  await page.waitForFunction(visibleImagesLoaded, undefined, { timeout: 15_000 });
}
