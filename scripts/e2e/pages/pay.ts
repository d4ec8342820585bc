import type { Page } from 'playwright-core';
import { visible } from './visible';

/**
 * 立即支付, then waits for the page to say the payment went through. The pay page learns that by
 * polling the order after the (sandbox) provider answers, so the wait is generous.
 */
export async function payAndWaitForSuccess(page: Page): Promise<void> {
  await visible(page, '.pay-page').waitFor({ timeout: 20_000 });
  await visible(page, '.pay-button').click({ timeout: 15_000 });
  await visible(page, '.pay-success').waitFor({ timeout: 60_000 });
}

/** From the success screen to the group: the '查看拼团' button, or the page may go there by itself. */
export async function goToGroupAfterPaying(page: Page): Promise<void> {
  const button = visible(page, '.pay-view-group');
  // The page may already be on its way to the group by itself: a button that went away is fine.
  if (await button.isVisible()) await button.click({ timeout: 5_000 }).catch(() => undefined);
  await visible(page, '.group-page').waitFor({ timeout: 20_000 });
}
