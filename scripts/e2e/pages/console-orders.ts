import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { ConsoleOrderPage, ShipBatchAnswer } from '@linli/shared/schemas/order';

/** A row of the order list, by its order no. */
export const orderRow = (page: Page, orderNo: string): Locator => page.locator(`.orders-table tr[data-order-no="${orderNo}"]`);

/** The next answer of GET /api/console/orders (a search, a tab, a reload). */
export async function nextListAnswer(page: Page, action: () => Promise<void>): Promise<{ query: URLSearchParams; page: ConsoleOrderPage }> {
  const [response] = await Promise.all([
    page.waitForResponse((res) => new URL(res.url()).pathname === '/api/console/orders' && res.request().method() === 'GET', { timeout: 20_000 }),
    action(),
  ]);
  if (!response.ok()) throw new Error(`GET /api/console/orders → ${response.status()}`);
  return { query: new URL(response.url()).searchParams, page: (await response.json()) as ConsoleOrderPage };
}

export function chooseStatusTab(page: Page, label: string) {
  return nextListAnswer(page, () => page.locator('.orders-filter__status .ant-tabs-tab', { hasText: label }).click());
}

/** 下单日期 → the 今天 shortcut → 查询. */
export function filterPlacedToday(page: Page) {
  return nextListAnswer(page, async () => {
    await page.locator('.orders-filter__placed').click();
    await page.locator('.ant-picker-dropdown .ant-picker-presets li', { hasText: '今天' }).click();
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden', timeout: 5_000 });
    await page.locator('.orders-filter__submit').click();
  });
}

/** Opens an order from its row and waits for the drawer to show it. */
export async function openOrder(page: Page, orderNo: string): Promise<Locator> {
  await orderRow(page, orderNo).getByRole('button', { name: '去发货' }).click();
  const drawer = page.locator(`.order-drawer .order-drawer__body[data-order-no="${orderNo}"]`);
  await drawer.waitFor({ state: 'visible', timeout: 20_000 });
  return drawer;
}

/** Types carrier and tracking no. into the drawer's ship form and submits. */
export async function submitShipForm(drawer: Locator, carrier: string, trackingNo: string): Promise<void> {
  await drawer.locator('.ship-form__carrier').fill(carrier);
  await drawer.locator('.ship-form__tracking').fill(trackingNo);
  await drawer.locator('.ship-form__submit').click();
}

/** The error shown under a form field (the Form.Item around `field`), once it appears. */
export async function errorUnder(field: Locator): Promise<string> {
  const error = field.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]').locator('.ant-form-item-explain-error');
  await error.waitFor({ state: 'visible', timeout: 5_000 });
  return (await error.innerText()).trim();
}

/** Ticks the rows of these orders for 批量发货. */
export async function selectRows(page: Page, orderNos: readonly string[]): Promise<void> {
  for (const orderNo of orderNos) await orderRow(page, orderNo).locator('.ant-table-selection-column input[type="checkbox"]').check();
}

/** The dialog row of one order. */
export const batchRow = (dialog: Locator, orderId: string): Locator => dialog.locator(`.batch-ship__rows tr[data-row-key="${orderId}"]`);

/** 确认发货 in the dialog, and the BFF's per-line answer. */
export async function submitBatch(page: Page, dialog: Locator): Promise<ShipBatchAnswer> {
  const [response] = await Promise.all([
    page.waitForResponse((res) => new URL(res.url()).pathname === '/api/console/orders/ship-batch', { timeout: 20_000 }),
    dialog.locator('.batch-ship__submit').click(),
  ]);
  if (!response.ok()) throw new Error(`POST /api/console/orders/ship-batch → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as ShipBatchAnswer;
}

/** 导出 CSV: the file the browser saved, by its name and its text. */
export async function exportCsv(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('.orders-export').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}
