import { fenToYuanText, formatFen } from '@linli/shared/money';
import type { ProductDetail } from '@linli/shared/schemas/catalog';
import type { CouponTemplate } from '@linli/shared/schemas/coupons';
import type { GroupCampaign } from '@linli/shared/schemas/group-buys';
import type { Page } from 'playwright-core';
import { shopApi, type ShopApi } from '../api';
import type { Journey } from '../journey';
import { fieldErrorShows, inputOf, openFromMenu, pickProduct, typeInto } from '../pages/console-campaigns';
import { consoleStaffApi, desktopContext, signInToConsole } from '../pages/console-desktop';
import { expectEqual, step } from '../step';
import { watchForErrors } from '../watch-errors';

const address = { name: '林小满', phone: '13800138001', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 100 号 1 幢 101 室' };

/** A demo product on the first page of the shop with no group buy yet and every SKU in stock. */
async function productWithoutGroupBuy(api: ShopApi): Promise<ProductDetail> {
  for (const card of (await api.products(20)).items) {
    if ((await api.groupBuys(card.id)).items.length > 0) continue;
    const product = await api.product(card.id);
    if (product.skus.length > 0 && product.skus.every((sku) => sku.stock > 0)) return product;
  }
  throw new Error('every product on the first page of the shop already has a group buy (is the demo shop seeded?)');
}

/** A group price staff would set: 80% of the everyday price, to the jiao. */
function groupPriceText(price: number): string {
  return fenToYuanText(Math.max(1, Math.floor((price * 0.8) / 10) * 10));
}

/** The POST a form is about to send, and its answer. */
async function answerTo<T>(page: Page, path: string, click: () => Promise<void>): Promise<T> {
  const answered = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === path, { timeout: 20_000 });
  await click();
  const response = await answered;
  if (response.status() !== 201) throw new Error(`POST ${path} → ${response.status()}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/**
 * The owner runs promotions in the console: a 3-人团 on a demo product (a bad value first, shown next
 * to its field and saved nowhere), a 满减 coupon (the same), both then offered to shoppers; a shopper
 * opens a group and the live monitor shows it, counting down, without a click.
 */
export const consoleCampaigns: Journey = {
  name: 'the owner creates a group buy and a coupon in the console and watches a group open',
  timeoutMs: 240_000,
  async run({ browser, origin, consoleOwner, screenshotPath, metric }) {
    const shop = shopApi(origin);
    const staffApi = consoleStaffApi(origin);
    const ownerToken = (await staffApi.logIn(consoleOwner)).accessToken;
    const product = await step('find a demo product without a group buy', null, () => productWithoutGroupBuy(shop));
    const [firstSku] = product.skus;
    if (!firstSku) throw new Error(`${product.title} has no SKU`);

    const desk = await desktopContext(browser, origin);
    try {
      const page = await desk.newPage();
      const errors = watchForErrors(page);
      await step('the owner signs in and opens 拼团活动', page, async () => {
        await signInToConsole(page, consoleOwner);
        await openFromMenu(page, 'groupBuys', '.campaigns-table');
      });

      // 1. A campaign with a group of 1 and a group price above the everyday price: refused on the spot.
      const campaignsBefore = (await staffApi.groupCampaigns(ownerToken)).items.length;
      await step('the owner starts a campaign on the product and its SKUs are listed', page, async () => {
        await page.locator('.campaign-create').click();
        await pickProduct(page, 'campaign-form__product', product.title, product.id);
        await page.locator('.campaign-form__skus .ant-table-row').nth(product.skus.length - 1).waitFor({ timeout: 10_000 });
      });
      await step('a group of 1 and a group price above the normal price show next to their fields', page, async () => {
        for (const [index, sku] of product.skus.entries()) await typeInto(page, `campaign-form__group-price-${index}`, groupPriceText(sku.price));
        await typeInto(page, 'campaign-form__group-size', '1');
        await typeInto(page, 'campaign-form__group-price-0', fenToYuanText(firstSku.price + 100));
        await page.locator('.campaign-form__submit').click();
        await fieldErrorShows(page, 'campaign-form__item--groupSize', '成团人数应为 2–20 人');
        await fieldErrorShows(page, 'campaign-form__item--sku-0-groupPrice', `拼团价必须低于原价 ${formatFen(firstSku.price)}`);
        expectEqual('what the group price field still holds', await inputOf(page, 'campaign-form__group-price-0').inputValue(), fenToYuanText(firstSku.price + 100));
      });
      await step('the BFF holds no new campaign', null, async () => {
        expectEqual('campaigns in the BFF', (await staffApi.groupCampaigns(ownerToken)).items.length, campaignsBefore);
      });

      // 2. Valid prices on every SKU: the BFF saves it and the list shows it.
      const campaign = await step('the owner fixes the prices and creates the 3-人团', page, async () => {
        await typeInto(page, 'campaign-form__group-size', '3');
        await typeInto(page, 'campaign-form__group-price-0', groupPriceText(firstSku.price));
        const created = await answerTo<GroupCampaign>(page, '/api/console/group-campaigns', () => page.locator('.campaign-form__submit').click());
        await page.locator(`.campaign-row[data-campaign-id="${created.id}"]`).waitFor({ timeout: 10_000 });
        return created;
      });
      expectEqual('group size saved', campaign.groupSize, 3);
      expectEqual('SKUs in the campaign', campaign.skus.length, product.skus.length);
      await step('the shopper’s product page offers the new campaign', null, async () => {
        const offered = (await shop.groupBuys(product.id)).items.find((c) => c.campaignId === campaign.id);
        if (!offered) throw new Error(`GET /api/products/${product.id}/group-buys does not list campaign ${campaign.id}`);
        expectEqual('group size offered', offered.groupSize, 3);
      });

      // 3. The monitor, opened before any group exists, shows a shopper's new group by itself.
      await step('the monitor of the new campaign has no open group yet', page, async () => {
        await page.locator(`.campaign-row[data-campaign-id="${campaign.id}"] .campaign-monitor`).click();
        await page.locator('.group-monitor .monitor-empty').waitFor({ timeout: 10_000 });
      });
      const leader = await shop.devSession('林小满');
      const shopper = leader.accessToken;
      const order = await step('a shopper opens a group and pays', null, async () => {
        const placed = await shop.placeOrder(shopper, { lines: [{ skuId: firstSku.id, quantity: 1 }], address, groupBuy: { campaignId: campaign.id } });
        return shop.payInSandbox(shopper, placed.id);
      });
      if (order.groupId === null) throw new Error(`order ${order.orderNo} opened no group`);
      const seen = Date.now();
      await step('the monitor shows the open group without a click, counting down', page, async () => {
        const card = page.locator(`.group-monitor .monitor-group--open[data-group-id="${order.groupId}"]`);
        await card.waitFor({ state: 'visible', timeout: 25_000 });
        metric('group opened to monitor shows it', Date.now() - seen);
        expectEqual('open groups shown', await page.locator('.group-monitor .monitor-group--open').count(), 1);
        const countdown = card.locator('.monitor-group__countdown');
        const first = (await countdown.innerText()).trim();
        if (!/^剩余 \d{2}:\d{2}:\d{2}$/.test(first)) throw new Error(`the countdown reads “${first}”`);
        await page.waitForTimeout(2_100);
        const later = (await countdown.innerText()).trim();
        if (later === first) throw new Error(`the countdown did not tick: still “${first}” two seconds later`);
        if (!(await card.innerText()).includes('林小满')) throw new Error('the group card does not name its leader');
      });
      await page.screenshot({ path: screenshotPath('console-group-monitor') });
      await step('closing the monitor and reloading lists the campaign with its open group', page, async () => {
        await page.locator('.group-monitor .ant-drawer-close').click();
        await page.reload();
        await page.locator(`.campaign-row[data-campaign-id="${campaign.id}"] .campaign-groups`).filter({ hasText: '进行中 1' }).waitFor({ timeout: 10_000 });
      });
      await page.screenshot({ path: screenshotPath('console-group-buys') });

      // 4. A 满减 coupon: a zero amount refused next to its field, then a valid one in the claim centre.
      await step('the owner opens 优惠券 and its usage figures', page, async () => {
        await openFromMenu(page, 'coupons', '.coupons-table');
        await page.locator('.coupons-table .coupon-usage').first().waitFor({ timeout: 10_000 });
      });
      const templatesBefore = (await staffApi.couponTemplates(ownerToken)).items.length;
      await step('a 满减 of 0 shows next to its field', page, async () => {
        await page.locator('.coupon-create').click();
        await typeInto(page, 'template-form__title', '周末满100减20');
        await typeInto(page, 'template-form__threshold', '100');
        await typeInto(page, 'template-form__amount-off', '0');
        await typeInto(page, 'template-form__total-stock', '200');
        await page.locator('.template-form__submit').click();
        await fieldErrorShows(page, 'template-form__item--amountOff', '满减券的减免金额必须大于 0');
      });
      await step('the BFF holds no new coupon', null, async () => {
        expectEqual('coupon templates in the BFF', (await staffApi.couponTemplates(ownerToken)).items.length, templatesBefore);
      });
      const template = await step('the owner fixes the amount and creates the coupon', page, async () => {
        await typeInto(page, 'template-form__amount-off', '20');
        await page.locator('.template-form__item--amountOff .ant-form-item-explain-error').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
        await page.screenshot({ path: screenshotPath('console-coupon-edit') });
        const created = await answerTo<CouponTemplate>(page, '/api/console/coupon-templates', () => page.locator('.template-form__submit').click());
        await page.locator(`.coupon-row[data-template-id="${created.id}"] .coupon-usage`).waitFor({ timeout: 10_000 });
        return created;
      });
      expectEqual('coupon threshold (fen)', template.threshold, 10_000);
      expectEqual('coupon amount off (fen)', template.amountOff, 2_000);
      const claimer = await shop.devSession('周一一');
      await step('the claim centre offers the new coupon and a shopper claims it', null, async () => {
        const offered = (await shop.couponCentre(claimer.accessToken)).items.find((c) => c.templateId === template.id);
        if (!offered?.canClaim) throw new Error(`the claim centre does not offer coupon ${template.id} to a new shopper`);
        await shop.claimCoupon(claimer.accessToken, template.id);
      });

      // 5. A push to pasted user ids: one gets the coupon, the one who claimed it is at the limit.
      await step('the owner pastes user ids into 发券; a line that is not an id is caught', page, async () => {
        await page.locator(`.coupon-row[data-template-id="${template.id}"] .coupon-push`).click();
        await page.locator('.push-dialog__user-ids').fill(`${leader.user.id}\n周一一\n`);
        await page.locator('.push-dialog__send').click();
        const problem = (await page.locator('.push-dialog__problem').innerText()).trim();
        if (!problem.includes('周一一')) throw new Error(`the push dialog says “${problem}”`);
        await page.locator('.push-dialog__user-ids').fill(`${leader.user.id}\n${claimer.user.id}\n`);
      });
      await step('the push answers per user: issued, and over the limit', page, async () => {
        await page.locator('.push-dialog__send').click();
        await page.locator('.push-results .ant-table-row').nth(1).waitFor({ timeout: 15_000 });
        const rows = await page.locator('.push-results .ant-table-row').allInnerTexts();
        const outcome = (id: string) => rows.find((row) => row.includes(id)) ?? '';
        if (!outcome(leader.user.id).includes('已发放')) throw new Error(`林小满's row reads “${outcome(leader.user.id)}”`);
        if (!outcome(claimer.user.id).includes('已达每人限领')) throw new Error(`周一一's row reads “${outcome(claimer.user.id)}”`);
      });
      await step('the BFF issued two coupons of the template', null, async () => {
        const saved = (await staffApi.couponTemplates(ownerToken)).items.find((t) => t.id === template.id);
        expectEqual('coupons issued', saved?.issuedCount, 2);
      });
      await step('the list shows the template with its usage', page, async () => {
        await page.locator('.push-dialog__done').click();
        await page.locator(`.coupon-row[data-template-id="${template.id}"] .coupon-usage[data-issued="2"]`).waitFor({ timeout: 10_000 });
        await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
      });
      await page.screenshot({ path: screenshotPath('console-coupons') });
      errors.assertNone();
    } finally {
      await desk.close();
    }
  },
};
