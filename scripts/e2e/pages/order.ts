import type { Page } from 'playwright-core';
import { orderRoute } from './routes';
import { visible } from './visible';

export const orderPageUrl = (orderId: string) => `/h5/#/${orderRoute}?id=${encodeURIComponent(orderId)}`;

/** Opens an order's detail page and waits until its status reads `statusText` (e.g. 待发货). */
export async function waitForOrderStatus(page: Page, orderId: string, statusText: string, timeoutMs = 30_000): Promise<void> {
  await page.goto(orderPageUrl(orderId));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await visible(page, '.order-detail').waitFor({ timeout: 20_000 });
    const status = visible(page, '.order-status');
    const seen = await status
      .filter({ hasText: statusText })
      .waitFor({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    if (seen) return;
    if (Date.now() > deadline) {
      throw new Error(`order ${orderId} never showed ${statusText}; .order-status says "${await status.innerText().catch(() => '(none)')}"`);
    }
    await page.reload();
  }
}
