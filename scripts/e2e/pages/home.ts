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
