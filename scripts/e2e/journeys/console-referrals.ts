import { randomBytes } from 'node:crypto';
import { formatFen } from '@linli/shared/money';
import { shopApi } from '../api';
import type { Journey } from '../journey';
import { consoleStaffApi, desktopContext, signInToConsole } from '../pages/console-desktop';
import { acceptPayout, drawerOpened, openFromMenu, referralStaffApi, rowNaming, setUpReferralScene, toastsGone } from '../pages/console-referrals';
import { expectEqual, expectEventually, step } from '../step';
import { watchForErrors } from '../watch-errors';

/**
 * Referrals in the merchant console. Set up through the APIs: a promoter whose invitee's order
 * settled (the e2e BFF's return window is zero days) and who asked for two withdrawals. In the
 * browser, a finance member approves one on 提现审核 and sees it 已打款 once the promoter accepts the
 * sandbox transfer, while the promoter's balance drops by the amount; finance finds the referral
 * page read-only. The owner then approves an applicant, opens the promoter's ledger, gives a product
 * its own rate, and changes the default level-1 rate: 120% is refused next to the field with nothing saved, 12.5% is saved as 1250 bp.
 */
export const consoleReferrals: Journey = {
  name: 'finance pays a promoter’s withdrawal; the owner reviews promoters and sets the commission rate',
  timeoutMs: 300_000,
  async run({ browser, origin, consoleOwner, screenshotPath, metric }) {
    const shop = shopApi(origin);
    const staff = consoleStaffApi(origin);
    const ownerToken = (await staff.logIn(consoleOwner)).accessToken;
    const owner = referralStaffApi(staff, ownerToken);
    const run = randomBytes(2).toString('hex');

    const settingUp = Date.now();
    const scene = await step('a promoter with settled commission asks for two withdrawals', null, () => setUpReferralScene(shop, owner, run));
    metric('scene set up (orders, settlement, withdrawals)', Date.now() - settingUp);
    const finance = { username: `e2e-finance-${run}`, password: randomBytes(12).toString('base64url') };
    await staff.createStaff(ownerToken, { ...finance, displayName: '财务小何', role: 'finance' });

    const financeDesk = await desktopContext(browser, origin);
    try {
      const page = await financeDesk.newPage();
      const errors = watchForErrors(page);
      await step('finance signs in and opens 提现审核', page, async () => {
        await signInToConsole(page, finance);
        await openFromMenu(page, 'withdrawals');
      });
      await step('finance approves the promoter’s withdrawal in its drawer', page, async () => {
        const row = await rowNaming(page, 'withdrawals-table', formatFen(scene.toApprove.amount));
        await row.click();
        await page.locator('.withdrawal-drawer .withdrawal-approve').click();
        await page.locator('.withdrawal-decision__ok').click();
        const status = page.locator('.withdrawal-drawer .withdrawal-facts .ant-tag').first();
        await expectEventually('the drawer’s status', async () => (await status.innerText()).trim(), '打款中');
      });
      const paid = await step('the promoter accepts the sandbox transfer', null, () => acceptPayout(shop, scene.promoter.token, scene.toApprove.id));
      expectEqual('the withdrawal the promoter sees', paid.status, 'paid');
      await step('finance filters by 已打款 and finds it paid', page, async () => {
        await page.locator('.withdrawal-drawer .ant-drawer-close').click();
        await page.locator('.withdrawals-filter__status').getByText('已打款', { exact: true }).click();
        const row = await rowNaming(page, 'withdrawals-table', formatFen(scene.toApprove.amount));
        await row.locator('.ant-tag').filter({ hasText: '已打款' }).waitFor({ timeout: 10_000 });
      });
      await step('the promoter’s balance dropped by the amount paid out', null, async () => {
        const after = (await shop.promoterMe(scene.promoter.token)).balances;
        expectEqual('in flight after the payout', after.inFlight, scene.balances.inFlight - scene.toApprove.amount);
        expectEqual('withdrawn after the payout', after.withdrawn, scene.balances.withdrawn + scene.toApprove.amount);
        expectEqual('available (asked for when requested)', after.available, scene.balances.available);
        const detail = await owner.withdrawal(scene.toApprove.id);
        expectEqual('the BFF’s status', detail.status, 'paid');
      });
      await step('finance sees the paid request beside the one still waiting', page, async () => {
        await page.locator('.withdrawals-filter__status').getByText('全部', { exact: true }).click();
        await rowNaming(page, 'withdrawals-table', formatFen(scene.waiting.amount));
        await rowNaming(page, 'withdrawals-table', '已拒绝');
        await toastsGone(page);
        await page.screenshot({ path: screenshotPath('console-withdrawals') });
      });
      await step('finance may read 推广员与佣金 but finds no controls', page, async () => {
        await openFromMenu(page, 'promoters');
        await rowNaming(page, 'promoters-table', scene.promoter.nickname);
        expectEqual('approve/reject/revoke buttons for finance', await page.locator('.promoter-row__approve, .promoter-row__reject, .promoter-row__revoke').count(), 0);
        await page.locator('.promoters-tabs').getByRole('tab', { name: '佣金设置' }).click();
        await page.locator('.referral-settings__readonly').waitFor({ timeout: 10_000 });
        expectEqual('save buttons for finance', await page.locator('.referral-settings__save').count(), 0);
      });
      errors.assertNone();
    } finally {
      await financeDesk.close();
    }

    const before = await owner.settings();
    let productWithRate: string | null = null;
    const ownerDesk = await desktopContext(browser, origin);
    try {
      const page = await ownerDesk.newPage();
      const errors = watchForErrors(page);
      await step('the owner signs in and opens 推广员与佣金', page, async () => {
        await signInToConsole(page, consoleOwner);
        await openFromMenu(page, 'promoters');
      });
      await step('the owner approves the waiting applicant', page, async () => {
        const row = await rowNaming(page, 'promoters-table', scene.applicant.nickname);
        await row.locator('.promoter-row__approve').click();
        await page.locator('.promoter-decision__ok').click();
        await row.locator('.ant-tag').filter({ hasText: '已通过' }).waitFor({ timeout: 10_000 });
        const listed = (await owner.promoters()).items.find((p) => p.userId === scene.applicant.userId);
        expectEqual('the applicant’s status in the BFF', listed?.status, 'approved');
      });
      await step('the promoter’s row shows their balances as the BFF keeps them', page, async () => {
        const row = await rowNaming(page, 'promoters-table', scene.promoter.nickname);
        const text = await row.innerText();
        const balances = (await shop.promoterMe(scene.promoter.token)).balances;
        for (const fen of [balances.pending, balances.available, balances.withdrawn]) {
          if (!text.includes(formatFen(fen))) throw new Error(`the row does not show ${formatFen(fen)}: ${text}`);
        }
        await toastsGone(page);
        await page.screenshot({ path: screenshotPath('console-promoters') });
      });
      await step('the owner opens the promoter’s ledger', page, async () => {
        const row = await rowNaming(page, 'promoters-table', scene.promoter.nickname);
        await row.locator('.promoter-row__ledger').click();
        const ledger = await owner.ledger(scene.promoter.userId);
        const entries = page.locator('.ledger-drawer .ledger-entries-table tbody tr.ledger-entry');
        await expectEventually('ledger rows shown', () => entries.count(), ledger.items.length);
        const withdrawnCard = page.locator('.ledger-balance--withdrawn .ant-statistic-content');
        const withdrawnInLedger = ledger.items.filter((e) => e.account === 'withdrawn').reduce((sum, e) => sum + e.amount, 0);
        expectEqual('已提现 is the sum of its entries', (await withdrawnCard.innerText()).trim(), formatFen(withdrawnInLedger));
        await page.locator('.ledger-drawer .ledger-entry__order').first().waitFor({ timeout: 5_000 });
        await drawerOpened(page, 'ledger-drawer');
        await toastsGone(page);
        await page.screenshot({ path: screenshotPath('console-promoter-ledger') });
        await page.locator('.ledger-drawer .ant-drawer-close').click();
      });
      await step('the owner gives a product its own 15% level-1 rate', page, async () => {
        await page.locator('.promoters-tabs').getByRole('tab', { name: '商品佣金' }).click();
        await page.locator('.product-rates__add').click();
        await page.locator('.product-rate-dialog__product').click();
        const option = page.locator('.ant-select-item-option').first();
        await option.waitFor({ timeout: 10_000 });
        const title = (await option.innerText()).trim();
        await option.click();
        await page.locator('.product-rate-dialog__level1 input').fill('15');
        await page.locator('.product-rate-dialog__ok').click();
        await rowNaming(page, 'product-rates-table', title);
        const rated = (await owner.productRates()).items.find((r) => title.startsWith(r.title));
        expectEqual(`${title}'s own level-1 rate in the BFF`, rated?.level1Bp, 1500);
        productWithRate = rated?.productId ?? null;
      });
      await step('a level-1 rate of 120% is refused next to its field, and nothing is saved', page, async () => {
        await page.locator('.promoters-tabs').getByRole('tab', { name: '佣金设置' }).click();
        await page.locator('.referral-settings__level1 input').fill('120');
        await page.locator('.referral-settings__save').click();
        const error = page.locator('.referral-settings__item--level1 .ant-form-item-explain-error');
        await error.waitFor({ timeout: 5_000 });
        expectEqual('the error under 一级佣金比例', (await error.innerText()).trim(), '单级佣金比例不能超过 50%');
        expectEqual('level-1 rate in the BFF', (await owner.settings()).level1RateBp, before.level1RateBp);
      });
      await step('12.5% is saved as 1250 basis points', page, async () => {
        await page.locator('.referral-settings__level1 input').fill('12.5');
        await page.locator('.referral-settings__save').click();
        await page.locator('.ant-message-success').filter({ hasText: '分销设置已保存' }).waitFor({ timeout: 10_000 });
        expectEqual('level-1 rate in the BFF', (await owner.settings()).level1RateBp, 1250);
        // The 120% error fades out (antd animates it away), so it may still be on its way out when the save lands.
        await expectEventually('errors left on the form', () => page.locator('.referral-settings .ant-form-item-explain-error').count(), 0, 5_000);
        await toastsGone(page);
        await page.screenshot({ path: screenshotPath('console-referral-settings') });
      });
      errors.assertNone();
    } finally {
      await ownerDesk.close();
      // Journeys after this one find the shop's rates as they were.
      await owner.saveSettings(before);
      if (productWithRate !== null) await owner.clearProductRate(productWithRate);
    }
  },
};
