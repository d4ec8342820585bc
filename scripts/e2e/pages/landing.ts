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
  await visible(page, `${arrivedAt}, .privacy-notice`).waitFor({ timeout: 30_000 });
  await agreeToPrivacy(page);
  await visible(page, arrivedAt).waitFor({ timeout: 30_000 });
  // The notice may also open over the page it forwarded to; a shopper agrees before tapping on.
  await agreeToPrivacy(page, 1_500);
}

export async function agreeToPrivacy(page: Page, waitMs = 0): Promise<void> {
  const notice = visible(page, '.privacy-notice');
  // A 1 ms waitFor can time out before its first check, so "is it there now" is asked directly.
  const shown =
    waitMs === 0
      ? await notice.isVisible()
      : await notice.waitFor({ timeout: waitMs }).then(
          () => true,
          () => false,
        );
  if (!shown) return;
  await visible(page, '.privacy-notice__agree').click();
  await notice.waitFor({ state: 'hidden', timeout: 10_000 });
}
