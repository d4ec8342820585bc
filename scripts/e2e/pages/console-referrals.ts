import type { Page } from 'playwright-core';
import type { ProductDetail, Sku } from '@linli/shared/schemas/catalog';
import type { OrderDetail, ShippingAddress } from '@linli/shared/schemas/order';
import type { ConsoleLedgerPage, ConsolePromoter, ConsolePromoterPage, ProductRatePage, PromoterBalances, ReferralSettings } from '@linli/shared/schemas/promoters';
import type { ConsoleWithdrawalDetail, Withdrawal } from '@linli/shared/schemas/withdrawals';
import type { ShopApi } from '../api';
import { type consoleStaffApi } from './console-desktop';

type StaffApi = ReturnType<typeof consoleStaffApi>;

/** The console routes the referral journey sets its scene with and checks the BFF through. */
export function referralStaffApi(staff: StaffApi, token: string) {
  return {
    settings: () => staff.request<ReferralSettings>(token, 'GET', '/api/console/referral-settings'),
    saveSettings: (body: ReferralSettings) => staff.request<ReferralSettings>(token, 'PUT', '/api/console/referral-settings', body),
    decide: (userId: string, decision: 'approve' | 'reject' | 'revoke', note = '') =>
      staff.request<ConsolePromoter>(token, 'POST', `/api/console/promoters/${userId}/${decision}`, { note }),
    promoters: () => staff.request<ConsolePromoterPage>(token, 'GET', '/api/console/promoters?limit=50'),
    ledger: (userId: string) => staff.request<ConsoleLedgerPage>(token, 'GET', `/api/console/promoters/${userId}/ledger?limit=50`),
    ship: (orderId: string) => staff.request<OrderDetail>(token, 'POST', `/api/console/orders/${orderId}/ship`, { carrier: '顺丰速运', trackingNo: `SF${Date.now()}` }),
    withdrawal: (id: string) => staff.request<ConsoleWithdrawalDetail>(token, 'GET', `/api/console/withdrawals/${id}`),
    productRates: () => staff.request<ProductRatePage>(token, 'GET', '/api/console/product-commission-rates'),
    clearProductRate: (productId: string) => staff.request<unknown>(token, 'DELETE', `/api/console/products/${productId}/commission-rate`),
    rejectWithdrawal: (id: string, note: string) => staff.request<ConsoleWithdrawalDetail>(token, 'POST', `/api/console/withdrawals/${id}/reject`, { note }),
  };
}
export type ReferralStaffApi = ReturnType<typeof referralStaffApi>;

const address: ShippingAddress = { name: '周晓雯', phone: '13700137001', province: '上海市', city: '上海市', district: '徐汇区', detail: '漕溪北路 88 号 6 楼' };

/** The priciest in-stock SKU on the first page of the shop, and how many make a line worth `atLeast` fen. */
async function biggestLine(shop: ShopApi, atLeast: number): Promise<{ product: ProductDetail; sku: Sku; quantity: number }> {
  let best: { product: ProductDetail; sku: Sku } | null = null;
  for (const card of (await shop.products(20)).items) {
    const product = await shop.product(card.id);
    for (const sku of product.skus.filter((s) => s.stock > 0)) if (!best || sku.price > best.sku.price) best = { product, sku };
  }
  if (!best) throw new Error('the demo shop has no SKU in stock (is it seeded?)');
  const quantity = Math.ceil(atLeast / best.sku.price);
  if (quantity > best.sku.stock || quantity > 99) throw new Error(`${best.product.title} cannot make a ¥${atLeast / 100} line from its stock`);
  return { ...best, quantity };
}

async function paidOrder(shop: ShopApi, buyerToken: string, shareId: string, line: { sku: Sku; quantity: number }): Promise<OrderDetail> {
  const order = await shop.placeOrder(buyerToken, { lines: [{ skuId: line.sku.id, quantity: line.quantity }], address, shareId });
  return shop.payInSandbox(buyerToken, order.id);
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

interface Shopper {
  nickname: string;
  token: string;
  userId: string;
}

export interface ReferralScene {
  promoter: Shopper;
  applicant: Shopper;
  /** the withdrawal finance approves in the browser, and the one left waiting */
  toApprove: Withdrawal;
  waiting: Withdrawal;
  /** the promoter's balances once both withdrawals were asked for */
  balances: PromoterBalances;
}

/**
 * Without the browser: a promoter whose invitee bought, received (the e2e BFF runs with a zero-day
 * return window, so commissions settle at the next job run) and bought again, who then asked for three
 * withdrawals, one of which the shop rejected; besides, one application waiting, one rejected and one promoter revoked, so the
 * promoter list shows every status. The shop's settings are as before when it returns.
 */
export async function setUpReferralScene(shop: ShopApi, owner: ReferralStaffApi, run: string): Promise<ReferralScene> {
  const shopper = async (name: string) => {
    const nickname = `${name}-${run}`;
    const token = await shop.devLogin(nickname);
    // Each opens the promoter centre once, which gives them their invite code.
    await shop.myReferral(token);
    return { nickname, token, userId: (await shop.me(token)).id };
  };
  const promoter = await shopper('林晓');
  const buyer = await shopper('周晓雯');
  const share = await shop.mintShare(promoter.token, { kind: 'invite', channel: 'link' });
  await shop.openShare(buyer.token, share.shareId);
  await owner.decide(promoter.userId, 'approve', '老客户，分享积极');

  const original = await owner.settings();
  await owner.saveSettings({ ...original, promoterMode: 'approved' });
  const [applicant, rejected, revoked] = await Promise.all(['陈静', '王磊', '赵敏'].map(shopper));
  for (const person of [applicant!, rejected!, revoked!]) await shop.applyAsPromoter(person.token);
  await owner.decide(rejected!.userId, 'reject', '资料不全');
  await owner.decide(revoked!.userId, 'approve');
  await owner.decide(revoked!.userId, 'revoke', '违规刷单');
  await owner.saveSettings(original);

  const line = await biggestLine(shop, 50_000);
  const received = await paidOrder(shop, buyer.token, share.shareId, line);
  await owner.ship(received.id);
  await shop.confirmReceipt(buyer.token, received.id);
  await paidOrder(shop, buyer.token, share.shareId, { sku: line.sku, quantity: 1 });
  const settled = await until('the settled commission', () => shop.promoterMe(promoter.token), (me) => me.balances.available > 0);
  const minimum = settled.minimumWithdrawal;
  if (settled.balances.available < 3 * minimum) throw new Error(`available ${settled.balances.available} fen is less than three minimum withdrawals`);
  const refused = await shop.requestWithdrawal(promoter.token, minimum);
  await owner.rejectWithdrawal(refused.id, '请先完成实名认证后再申请');
  const toApprove = await shop.requestWithdrawal(promoter.token, settled.balances.available - 2 * minimum);
  const waiting = await shop.requestWithdrawal(promoter.token, minimum);
  const balances = (await shop.promoterMe(promoter.token)).balances;
  return { promoter, applicant: applicant!, toApprove, waiting, balances };
}

/** Waits for the withdrawal's transfer to be waiting for the promoter, then accepts it as the promoter. */
export async function acceptPayout(shop: ShopApi, token: string, withdrawalId: string): Promise<Withdrawal> {
  await until('the transfer waiting for the promoter', () => shop.withdrawal(token, withdrawalId), (w) => w.status === 'paying' && w.packageInfo !== null, 30_000);
  return shop.acceptTransferInSandbox(token, withdrawalId);
}

/** Opens a console page from the side menu, as staff do. */
export async function openFromMenu(page: Page, key: 'promoters' | 'withdrawals'): Promise<void> {
  await page.locator(`.console-menu__item--${key}`).click();
  await page.waitForURL(`**/console/${key}`, { timeout: 10_000 });
}

/** The table row that names `text`, once it is shown. */
export async function rowNaming(page: Page, tableClass: string, text: string) {
  const row = page.locator(`.${tableClass} tr`).filter({ hasText: text });
  await row.first().waitFor({ state: 'visible', timeout: 15_000 });
  return row.first();
}

/** Screenshots wait until Ant Design's messages (已保存 …) have faded. */
export async function toastsGone(page: Page): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
}

/** Ant Design slides a drawer in without honouring reduced motion: a screenshot waits until it is still. */
export async function drawerOpened(page: Page, drawerClass: string): Promise<void> {
  const wrapper = page.locator('.ant-drawer-content-wrapper', { has: page.locator(`.${drawerClass}`) });
  await until('the drawer sliding in', async () => (await wrapper.getAttribute('class')) ?? '', (classes) => classes !== '' && !classes.includes('motion'), 10_000);
}
