import type { Locator, Page } from 'playwright-core';

/**
 * The input of an Ant Design field by the class the console gives it. With a prefix, suffix, addon
 * or counter Ant Design puts that class on a wrapper, so the input may be inside it.
 */
export function inputOf(page: Page, className: string): Locator {
  return page.locator(`input.${className}, .${className} input`).first();
}

/** Clears a field and types `text` as staff would. */
export async function typeInto(page: Page, className: string, text: string): Promise<void> {
  const input = inputOf(page, className);
  await input.click();
  await input.fill('');
  await input.pressSequentially(text);
}

/** The message shown under the form item of that class; fails unless it contains `expected`. */
export async function fieldErrorShows(page: Page, itemClass: string, expected: string): Promise<string> {
  const error = page.locator(`.${itemClass} .ant-form-item-explain-error`).first();
  await error.waitFor({ state: 'visible', timeout: 10_000 });
  const text = (await error.innerText()).trim();
  if (!text.includes(expected)) throw new Error(`the message next to ${itemClass} says “${text}”, expected “${expected}”`);
  return text;
}

/** Searches the product picker for `title` and picks the product with that id. */
export async function pickProduct(page: Page, pickerClass: string, title: string, productId: string): Promise<void> {
  const search = page.locator(`.${pickerClass} input`).first();
  await search.click();
  await search.pressSequentially(title.slice(0, 8));
  const option = page.locator(`.ant-select-dropdown .product-picker__option[data-product-id="${productId}"]`);
  await option.waitFor({ state: 'visible', timeout: 10_000 });
  await option.click();
}

/** Opens a console page through its side-menu entry, as staff would. */
export async function openFromMenu(page: Page, consolePage: string, contentSelector: string): Promise<void> {
  await page.locator(`.console-menu__item--${consolePage}`).click();
  await page.locator(contentSelector).first().waitFor({ state: 'visible', timeout: 15_000 });
}
