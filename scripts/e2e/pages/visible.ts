import type { Locator, Page } from 'playwright-core';

/**
 * The first visible match. Taro's h5 router keeps earlier pages in the DOM, hidden, so a class name
 * alone may also match a page the shopper has left.
 */
export function visible(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true }).first();
}
