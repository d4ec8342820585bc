import type { Page } from 'playwright-core';
import type { OrderDetail } from '@linli/shared/schemas/order';
import { fenInText } from '../money-text';
import { visible } from './visible';

export interface ShippingAddressInput {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

/** Waits for the checkout page and its quote (the payable is only shown once the BFF priced the order). */
export async function waitForCheckout(page: Page): Promise<void> {
  await visible(page, '.checkout-page').waitFor({ timeout: 20_000 });
  await visible(page, '.checkout-payable').waitFor({ timeout: 20_000 });
}

/** A shopper without a saved address is asked for one at checkout; one who has it is not. */
export async function fillAddressIfAsked(page: Page, address: ShippingAddressInput): Promise<boolean> {
  const form = visible(page, '.address-form');
  // The form appears once the page knows the shopper has no address; give it that moment.
  const asked = await form.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!asked) return false;
  for (const [field, value] of Object.entries(address)) {
    await form.locator(`.address-form__${field} input, .address-form__${field} textarea, input.address-form__${field}`).first().fill(value);
  }
  await visible(page, '.address-form__save').click();
  await form.waitFor({ state: 'hidden', timeout: 10_000 });
  return true;
}

/** The payable as the page shows it, in fen. */
export async function shownPayable(page: Page): Promise<number | null> {
  return fenInText(await visible(page, '.checkout-payable').innerText());
}

/** The coupon row's text (the coupon checkout applies, or why none does). */
export async function shownCoupon(page: Page): Promise<string> {
  return (await visible(page, '.checkout-coupon').innerText()).trim();
}

/** Picks a coupon by its title in the coupon list the coupon row opens, unless it is already applied. */
export async function chooseCoupon(page: Page, title: string): Promise<void> {
  if ((await shownCoupon(page)).includes(title)) return;
  await visible(page, '.checkout-coupon').click();
  await page.locator('.coupon-option').filter({ visible: true, hasText: title }).first().click({ timeout: 10_000 });
  await visible(page, '.checkout-coupon').filter({ hasText: title }).waitFor({ timeout: 10_000 });
}

/** 提交订单: returns the order the BFF placed, as POST /api/orders answered. */
export async function submitOrder(page: Page): Promise<OrderDetail> {
  const placed = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/orders', { timeout: 20_000 });
  await visible(page, '.checkout-submit').click();
  const res = await placed;
  if (res.status() !== 201) throw new Error(`POST /api/orders → ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as OrderDetail;
}
