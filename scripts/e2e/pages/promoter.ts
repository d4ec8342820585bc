import type { Locator, Page } from 'playwright-core';
import { fenInText } from '../money-text';
import { promoterCentreRoute } from './routes';
import { visible } from './visible';

/** Opens the promoter centre; returns the pending (待结算) balance it shows, in fen. */
export async function openPromoterCentre(page: Page): Promise<number | null> {
  await page.goto(`/h5/#/${promoterCentreRoute}`);
  await visible(page, '.promoter-centre').waitFor({ timeout: 20_000 });
  const amount = visible(page, '.promoter-balance--pending .promoter-balance__amount');
  await amount.waitFor({ timeout: 20_000 });
  return fenInText(await amount.innerText());
}

/** From the centre to 收益明细; returns the visible commission items once the list has some. */
export async function openEarnings(page: Page): Promise<Locator> {
  await visible(page, '.promoter-entry--earnings').click({ timeout: 10_000 });
  await visible(page, '.earnings-page').waitFor({ timeout: 20_000 });
  const items = page.locator('.earnings-page .commission-item').filter({ visible: true });
  await items.first().waitFor({ timeout: 20_000 });
  return items;
}
