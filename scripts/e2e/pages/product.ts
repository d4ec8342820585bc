import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../bench/processes';
import { productCards } from './home';

/** The product page's route (miniapp/src/routes.ts: a subpackage page). */
export const productRoute = 'packages/product/detail/index';

/** Whether the h5 build being served has a product page yet. */
export function productPageBuilt(): boolean {
  const js = path.join(repoRoot, 'miniapp', 'dist', 'h5', 'js');
  return existsSync(js) && readdirSync(js).some((file) => file.endsWith('.js') && readFileSync(path.join(js, file), 'utf8').includes(productRoute));
}

/** Taps the first product card on the home page and waits for its product page to show its title. */
export async function openFirstProduct(page: Page): Promise<string> {
  const card = productCards(page).first();
  const title = (await card.locator('.product-card__title').innerText()).trim();
  await card.click();
  await page.waitForURL((url) => url.hash.startsWith(`#/${productRoute}?`), { timeout: 10_000 });
  // Taro keeps earlier pages in the DOM, hidden: look for the title among what is visible.
  await page.getByText(title, { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 15_000 });
  return title;
}
