import { randomBytes } from 'node:crypto';
import { kpiCards } from '../../../console/src/dashboard/dashboard-view';
import type { Journey } from '../journey';
import { chartsDrawn, kpiNoteSelector, kpiSelector, metricsAnswer } from '../pages/console-dashboard';
import { consoleStaffApi, desktopContext, signInToConsole } from '../pages/console-desktop';
import { expectEqual, step } from '../step';
import { watchForErrors } from '../watch-errors';

/**
 * The merchant console: the owner signs in and reads the dashboard (figures exactly as the metrics
 * route answered, both charts drawn); a customer-service member finds no withdrawals in the menu and
 * gets the 403 page when opening it anyway. Runs last, so the shop has the sales of every other journey.
 */
export const consoleDashboard: Journey = {
  name: 'the owner reads the console dashboard; customer service cannot open withdrawals',
  async run({ browser, origin, consoleOwner, screenshotPath }) {
    const served = await fetch(`${origin}/console/`);
    if (!served.ok) throw new Error(`the BFF does not serve the console build: GET /console/ → ${served.status} (run \`pnpm build\`)`);

    const ownerDesk = await desktopContext(browser, origin);
    try {
      const page = await ownerDesk.newPage();
      const errors = watchForErrors(page);
      const answered = metricsAnswer(page);
      await step('the owner signs in', page, () => signInToConsole(page, consoleOwner));
      const metrics = await step('the dashboard asks for its figures', page, () => answered);
      await step('the dashboard draws the trend and the funnel', page, () => chartsDrawn(page));
      await step('every KPI card shows the route’s own figures', page, async () => {
        expectEqual('days in the default range', metrics.days.length, 7);
        if (metrics.totals.orders === 0) throw new Error('the metrics route counted no paid orders after the shopper and console journeys');
        for (const card of kpiCards(metrics.totals)) {
          expectEqual(`${card.title} card`, (await page.locator(kpiSelector(card.key)).innerText()).trim(), card.value);
          expectEqual(`${card.title} note`, (await page.locator(kpiNoteSelector(card.key)).innerText()).trim(), card.note);
        }
      });
      await step('the top products table lists the route’s products', page, async () => {
        const first = metrics.topProducts[0];
        if (first) await page.locator('.dashboard-top-products').getByText(first.title).first().waitFor({ timeout: 5_000 });
      });
      await page.screenshot({ path: screenshotPath('console-dashboard') });
      errors.assertNone();
    } finally {
      await ownerDesk.close();
    }

    const api = consoleStaffApi(origin);
    const owner = await api.logIn(consoleOwner);
    const service = { username: 'e2e-service', password: randomBytes(12).toString('base64url') };
    await api.createStaff(owner.accessToken, { ...service, displayName: '客服小林', role: 'service' });

    const serviceDesk = await desktopContext(browser, origin);
    try {
      const page = await serviceDesk.newPage();
      const errors = watchForErrors(page);
      await step('customer service signs in and lands on orders', page, async () => {
        await signInToConsole(page, service);
        await page.waitForURL('**/console/orders', { timeout: 10_000 });
      });
      await step('the menu has no dashboard and no withdrawals', page, async () => {
        const entries = (await page.locator('.console-menu .console-menu__item').allInnerTexts()).map((t) => t.trim());
        for (const hidden of ['数据概览', '提现审核', '员工与角色']) {
          if (entries.includes(hidden)) throw new Error(`the service menu lists ${hidden}: ${entries.join(', ')}`);
        }
      });
      await step('opening the withdrawals page shows 无权限访问', page, async () => {
        await page.goto('/console/withdrawals');
        const forbidden = page.locator('.console-forbidden');
        await forbidden.waitFor({ state: 'visible', timeout: 10_000 });
        if (!(await forbidden.innerText()).includes('无权限访问')) throw new Error('the 403 page does not say 无权限访问');
      });
      errors.assertNone();
    } finally {
      await serviceDesk.close();
    }
  },
};
