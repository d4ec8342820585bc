import type { Page } from 'playwright-core';
import { h5LandingPath } from '@linli/shared/share-landing';
import { visible } from './visible';

/**
 * Opens a share link as a shopper who tapped it in a chat, and waits for the page it forwards to
 * (`arrivedAt`, e.g. '.product-page'). A first-visit privacy notice, wherever it appears on the way,
 * is agreed to, as a shopper must before going on.
 */
export async function openShareLink(page: Page, shareId: string, arrivedAt: string): Promise<void> {
  await page.goto(h5LandingPath(shareId));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const next = visible(page, `${arrivedAt}, .privacy-notice`);
    await next.waitFor({ timeout: Math.max(1, deadline - Date.now()) });
    if (await visible(page, '.privacy-notice').isVisible()) {
      await visible(page, '.privacy-notice__agree').click();
      await visible(page, '.privacy-notice').waitFor({ state: 'hidden', timeout: 10_000 });
      continue;
    }
    return;
  }
  throw new Error(`the share link never reached ${arrivedAt}`);
}
