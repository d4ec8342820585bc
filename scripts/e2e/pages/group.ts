import type { Page } from 'playwright-core';
import type { GroupStatus } from '@linli/shared/schemas/group-buys';
import { groupRoute } from './routes';
import { visible } from './visible';

export const groupPageUrl = (groupId: string) => `/h5/#/${groupRoute}?id=${encodeURIComponent(groupId)}`;

/**
 * Waits for the group page to show `status`. The page reads the group once, so a change made by
 * someone else (a friend joining) shows after a reload, as it would when the shopper comes back.
 */
export async function waitForGroupStatus(page: Page, groupId: string, status: GroupStatus, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  if (!page.url().includes(groupRoute)) await page.goto(groupPageUrl(groupId));
  for (;;) {
    const shown = visible(page, `.group-status--${status}`);
    const seen = await shown.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (seen) return;
    if (Date.now() > deadline) {
      const current = await visible(page, '.group-status').innerText().catch(() => 'no .group-status');
      throw new Error(`group ${groupId} never showed .group-status--${status}; it says "${current}"`);
    }
    await page.reload();
  }
}

/** 邀请好友参团: the page mints a group share for the link it copies; returns that share id. */
export async function inviteFriend(page: Page): Promise<string> {
  const minted = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/shares', { timeout: 15_000 });
  await visible(page, '.group-invite').click();
  const res = await minted;
  if (res.status() !== 201 && res.status() !== 200) throw new Error(`POST /api/shares → ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  return ((await res.json()) as { shareId: string }).shareId;
}

/** 参与拼团 on a friend's group: on to the product page, opened to join that group. */
export async function tapJoinOnGroupPage(page: Page): Promise<void> {
  await visible(page, '.group-join').click({ timeout: 15_000 });
  await visible(page, '.product-page').waitFor({ timeout: 20_000 });
}
