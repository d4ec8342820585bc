import type { Locator, Page } from 'playwright-core';
import { routesBuilt } from '../h5-build';
import { productCards } from './home';
import { visible } from './visible';

/** The product page's route (miniapp/src/routes.ts: a subpackage page). */
export const productRoute = 'packages/product/detail/index';

/** Whether the h5 build being served has a product page yet. */
export function productPageBuilt(): boolean {
  return routesBuilt([productRoute]);
}

export const productPageUrl = (productId: string) => `/h5/#/${productRoute}?id=${encodeURIComponent(productId)}`;

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

/** The product page once it has loaded (past its '加载中…'), showing `title`. */
export async function waitForProduct(page: Page, title: string): Promise<void> {
  await page.locator('.product-page .product-title').filter({ visible: true, hasText: title }).first().waitFor({ timeout: 20_000 });
}

/**
 * Picks a SKU the way a shopper does: one value per spec in the picker. A product with one SKU and no
 * specs starts chosen, so there is nothing to tap.
 */
export async function chooseSku(page: Page, specs: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, value] of Object.entries(specs)) {
    const spec = page
      .locator('.sku-picker__spec')
      .filter({ visible: true, has: page.locator('.sku-picker__name', { hasText: name }) })
      .first();
    const option = spec.locator('.sku-option').filter({ hasText: value }).first();
    if ((await option.getAttribute('class'))?.includes('sku-option--active')) continue;
    await option.click();
    await spec.locator('.sku-option--active').filter({ hasText: value }).first().waitFor({ timeout: 5_000 });
  }
}

/** The 2-人团 / 3-人团 block; the page offers one campaign, the first one running. */
export const groupBuyCampaign = (page: Page): Locator => visible(page, '.group-buy-campaign');

/** 发起拼团: the product page's action bar button that opens a group on the campaign shown. */
export async function tapOpenGroup(page: Page): Promise<void> {
  await groupBuyCampaign(page).waitFor({ timeout: 15_000 });
  await visible(page, '.open-group-button').click();
}

/**
 * 参与拼团 on a product page opened to join a group (`join=` in the URL): the action bar's
 * `.join-group`, or failing that the invited group's own button in the campaign block.
 */
export async function tapJoinGroup(page: Page): Promise<void> {
  await visible(page, '.join-group, .open-group--invited .open-group-join').click({ timeout: 15_000 });
}

/** 单独购买: the ordinary price, no group. */
export async function tapBuyAlone(page: Page): Promise<void> {
  await visible(page, '.buy-alone').click({ timeout: 15_000 });
}
