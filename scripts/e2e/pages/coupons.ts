import type { Page } from 'playwright-core';
import type { CentreCoupon, MyCoupon } from '@linli/shared/schemas/coupons';
import { couponCentreRoute } from './routes';
import { visible } from './visible';

/** Opens the claim centre; returns its coupons as the page received them from GET /api/coupons/centre. */
export async function openCouponCentre(page: Page): Promise<CentreCoupon[]> {
  const listed = page.waitForResponse((res) => res.request().method() === 'GET' && new URL(res.url()).pathname === '/api/coupons/centre', { timeout: 20_000 });
  await page.goto(`/h5/#/${couponCentreRoute}`);
  const res = await listed;
  if (!res.ok()) throw new Error(`GET /api/coupons/centre → ${res.status()}`);
  await visible(page, '.coupon-centre .centre-coupon').waitFor({ timeout: 20_000 });
  return ((await res.json()) as { items: CentreCoupon[] }).items;
}

/** 领取 on the coupon titled `title`; returns the coupon the BFF issued. */
export async function claimCoupon(page: Page, coupon: CentreCoupon): Promise<MyCoupon> {
  const claimPath = `/api/coupons/centre/${coupon.templateId}/claim`;
  const claimed = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === claimPath, { timeout: 15_000 });
  const card = page
    .locator('.centre-coupon')
    .filter({ visible: true, has: page.locator('.centre-coupon__title', { hasText: coupon.title }) })
    .first();
  await card.locator('.centre-coupon__claim').click({ timeout: 10_000 });
  const res = await claimed;
  if (res.status() !== 201) throw new Error(`POST ${claimPath} → ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as MyCoupon;
}
