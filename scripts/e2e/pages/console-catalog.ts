import type { Locator, Page } from 'playwright-core';
import type { ConsoleProductDetail, ConsoleProductPage } from '@linli/shared/schemas/catalog-console';

/** A product as staff type it into 商品管理's form: money in 元 text, exactly as typed. */
export interface ProductInput {
  title: string;
  /** the category's name as the picker shows it */
  category: string;
  detail: string;
  /** a picture file on disk to upload as the cover */
  imagePath: string;
  specs: Array<{ name: string; values: string[] }>;
  /** one per combination, values in spec order */
  skus: Array<{ values: string[]; price: string; listPrice: string; stock: string }>;
}

/** Opens 商品管理 from the side menu and waits for the first rows. */
export async function openProductsPage(page: Page): Promise<void> {
  await page.locator('.console-menu__item--products').click();
  await page.waitForURL('**/console/products', { timeout: 10_000 });
  await page.locator('.products-table .product-row').first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** The SKU grid row of one combination (红/S). */
export function skuRow(page: Page, values: readonly string[]): Locator {
  return page.locator(`.product-editor .sku-row[data-sku="${values.join('/')}"]`);
}

async function pick(page: Page, field: Locator, label: string): Promise<void> {
  await field.locator('.ant-select-selector').click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

/** Fills the open product form: text, category, picture, specs, then every SKU cell. */
export async function fillProductForm(page: Page, product: ProductInput): Promise<void> {
  const form = page.locator('.product-editor .product-form');
  await form.locator('.product-form__title input').fill(product.title);
  await pick(page, form.locator('.product-form__category'), product.category);
  await form.locator('.product-form__detail textarea').fill(product.detail);
  await form.locator('.image-uploader input[type=file]').setInputFiles(product.imagePath);
  await form.locator('.image-uploader__badge--cover').waitFor({ state: 'visible', timeout: 15_000 });

  for (const [i, spec] of product.specs.entries()) {
    await form.locator('.spec-editor__add').click();
    const row = form.locator(`.spec-editor__row[data-spec-index="${i}"]`);
    await row.locator('.spec-editor__name input').fill(spec.name);
    const values = row.locator('.spec-editor__values input');
    for (const value of spec.values) {
      await values.fill(value);
      await values.press('Enter');
    }
  }
  for (const sku of product.skus) {
    const row = skuRow(page, sku.values);
    await row.locator('input.sku-row__price').fill(sku.price);
    await row.locator('input.sku-row__listPrice').fill(sku.listPrice);
    await row.locator('input.sku-row__stock').fill(sku.stock);
  }
}

/**
 * Scrolls the product drawer so that `selector` is near its top, and the list behind it back to its
 * top (typing into the drawer's fields scrolls the page under it too), for a screenshot.
 */
export async function scrollFormTo(page: Page, selector: string): Promise<void> {
  await page.locator(`.product-editor ${selector}`).evaluate((field) => {
    const body = field.closest('.ant-drawer-body');
    if (body) body.scrollTop += field.getBoundingClientRect().top - body.getBoundingClientRect().top - 8;
  });
  await page.evaluate('window.scrollTo(0, 0)');
}

/**
 * Presses 创建商品 on a filled form and answers the product as the BFF stored it, once the form has
 * closed. With `fillProductForm`, what a journey needs to make a product by hand in the console.
 */
export async function saveNewProduct(page: Page): Promise<ConsoleProductDetail> {
  const created = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/console/products', {
    timeout: 20_000,
  });
  await page.locator('.product-form__save').click();
  const res = await created;
  if (res.status() !== 201) throw new Error(`creating the product answered ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  await page.locator('.product-editor .product-form').waitFor({ state: 'detached', timeout: 10_000 });
  return (await res.json()) as ConsoleProductDetail;
}

/** The console's product list as the BFF holds it, read with a staff token: what a journey checks the browser against. */
export async function consoleProducts(origin: string, token: string, q: string): Promise<ConsoleProductPage> {
  const res = await fetch(`${origin}/api/console/products?${new URLSearchParams({ q, limit: '50' })}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /api/console/products → ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as ConsoleProductPage;
}

/** Another staff member's stock adjustment, straight through the API: what the open dialog does not know yet. */
export async function adjustStockElsewhere(origin: string, token: string, skuId: string, delta: number): Promise<number> {
  const res = await fetch(`${origin}/api/console/skus/${skuId}/stock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ delta }),
  });
  if (!res.ok) throw new Error(`POST /api/console/skus/${skuId}/stock → ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return ((await res.json()) as { stock: number }).stock;
}
