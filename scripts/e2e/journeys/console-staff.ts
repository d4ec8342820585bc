import { randomBytes } from 'node:crypto';
import type { Journey } from '../journey';
import { consoleStaffApi, desktopContext, signInToConsole } from '../pages/console-desktop';
import { auditRows, chooseRole, fieldError, fillNewStaff, openAuditLog, openStaffPage, staffRow } from '../pages/console-staff';
import { expectEqual, step } from '../step';
import { watchForErrors } from '../watch-errors';

const owns = (items: Array<{ username: string }>, username: string) => items.some((m) => m.username === username);

/**
 * 员工与角色: the owner creates a 财务 member in the browser (a too-short password is refused under
 * its field and creates nobody; a username already taken is refused by the BFF under the username);
 * the member signs in on another desk, sees withdrawals and the dashboard but gets the 403 page for
 * 员工与角色, and changes their password on 修改密码. The only owner cannot step down (the BFF's LAST_OWNER under the role); a member is
 * switched off after a confirmation. The owner's 操作日志 shows the creation as theirs, password
 * masked, and the refused attempts as refused.
 */
export const consoleStaff: Journey = {
  name: 'the owner creates a finance member and reads the console audit log',
  timeoutMs: 180_000,
  async run({ browser, origin, consoleOwner, screenshotPath, metric }) {
    const served = await fetch(`${origin}/console/`);
    if (!served.ok) throw new Error(`the BFF does not serve the console build: GET /console/ → ${served.status} (run \`pnpm build\`)`);

    const api = consoleStaffApi(origin);
    const owner = await api.logIn(consoleOwner);
    const suffix = randomBytes(3).toString('hex');
    // The shop already has a team, as a shop opening this page would.
    for (const [role, displayName] of [['operator', '运营小王'], ['service', '客服小陈']] as const) {
      await api.createStaff(owner.accessToken, { username: `e2e-${role}-${suffix}`, displayName, role, password: randomBytes(12).toString('base64url') });
    }
    const service = `e2e-service-${suffix}`;
    const finance = { username: `e2e-finance-${suffix}`, displayName: '财务小周', role: '财务', password: randomBytes(12).toString('base64url') };
    const newPassword = randomBytes(12).toString('base64url');

    const ownerDesk = await desktopContext(browser, origin);
    try {
      const page = await ownerDesk.newPage();
      const errors = watchForErrors(page);
      await step('the owner signs in and opens 员工与角色', page, async () => {
        await signInToConsole(page, consoleOwner);
        await openStaffPage(page);
      });

      await step('a too-short password is refused under the password field, and nobody is created', page, async () => {
        await page.locator('.staff-create').click();
        await fillNewStaff(page, { ...finance, password: 'short' });
        await page.locator('.staff-create__submit').click();
        expectEqual('password field error', await fieldError(page, '.staff-create__password'), '密码至少需要 10 个字符');
        if (owns((await api.listStaff(owner.accessToken)).items, finance.username)) throw new Error(`${finance.username} exists after a refused form`);
      });

      await step('a username already taken is refused by the BFF under the username, the form kept as typed', page, async () => {
        await page.locator('.staff-create__username').fill(consoleOwner.username);
        await page.locator('.staff-create__password').fill(finance.password);
        await page.locator('.staff-create__submit').click();
        expectEqual('username field error', await fieldError(page, '.staff-create__username'), '该用户名已被使用（USERNAME_TAKEN）');
        expectEqual('name kept', await page.locator('.staff-create__name').inputValue(), finance.displayName);
      });

      const created = Date.now();
      await step('a valid member is created and listed as 财务', page, async () => {
        await page.locator('.staff-create__username').fill(finance.username);
        await page.locator('.staff-create__submit').click();
        const row = staffRow(page, finance.username);
        await row.waitFor({ state: 'visible', timeout: 10_000 });
        expectEqual('role in the row', (await row.locator('.ant-tag').last().innerText()).trim(), '财务');
        const saved = (await api.listStaff(owner.accessToken)).items.find((m) => m.username === finance.username);
        expectEqual('saved role', saved?.role, 'finance');
        expectEqual('saved active', saved?.active, true);
      });
      metric('create a member in the browser', Date.now() - created);
      await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 });

      const financeDesk = await desktopContext(browser, origin);
      try {
        const desk = await financeDesk.newPage();
        const deskErrors = watchForErrors(desk);
        await step('the finance member signs in and sees 提现审核 and 数据概览 but not 员工与角色', desk, async () => {
          await signInToConsole(desk, { username: finance.username, password: finance.password });
          const entries = (await desk.locator('.console-menu .console-menu__item').allInnerTexts()).map((t) => t.trim());
          for (const shown of ['提现审核', '数据概览']) if (!entries.includes(shown)) throw new Error(`the finance menu lacks ${shown}: ${entries.join(', ')}`);
          if (entries.includes('员工与角色')) throw new Error(`the finance menu lists 员工与角色: ${entries.join(', ')}`);
        });
        await step('opening /console/staff shows 无权限访问', desk, async () => {
          await desk.goto('/console/staff');
          await desk.locator('.console-forbidden').waitFor({ state: 'visible', timeout: 10_000 });
        });
        await step('on 修改密码 a too-short new password is refused under its field, then a valid one is saved', desk, async () => {
          await desk.locator('.console-header__password').click();
          await desk.locator('.console-password__current').fill(finance.password);
          await desk.locator('.console-password__new').fill('short');
          await desk.locator('.console-password__confirm').fill('short');
          await desk.locator('.console-password__submit').click();
          expectEqual('new password field error', await fieldError(desk, '.console-password__new'), '密码至少需要 10 个字符');
          await desk.locator('.console-password__new').fill(newPassword);
          await desk.locator('.console-password__confirm').fill(newPassword);
          await desk.locator('.console-password__submit').click();
          await desk.locator('.console-password__done').waitFor({ state: 'visible', timeout: 10_000 });
        });
        deskErrors.assertNone();
      } finally {
        await financeDesk.close();
      }
      await step('the only owner cannot step down: the BFF’s refusal shows under the role', page, async () => {
        await staffRow(page, consoleOwner.username).locator('.staff-row__edit').click();
        await chooseRole(page, '.staff-edit__role', '运营');
        await page.locator('.staff-edit__submit').click();
        expectEqual('role field error', await fieldError(page, '.staff-edit__role'), '至少需要保留一位启用中的店主（LAST_OWNER）');
        await page.locator('.staff-edit-modal .ant-modal-close').click();
        const ownerRow = (await api.listStaff(owner.accessToken)).items.find((m) => m.username === consoleOwner.username);
        expectEqual('the owner’s role', ownerRow?.role, 'owner');
      });

      await step('deactivating a member asks first, then shows 已停用', page, async () => {
        const row = staffRow(page, service);
        await row.locator('.staff-row__switch').click();
        await page.locator('.staff-row__switch-ok').click();
        await row.locator('.ant-badge', { hasText: '已停用' }).waitFor({ timeout: 10_000 });
        const saved = (await api.listStaff(owner.accessToken)).items.find((m) => m.username === service);
        expectEqual('the member is active', saved?.active, false);
      });

      // Refused attempts are in the log too: the member tries the owner's route, and someone mistypes a password.
      const member = await api.logIn({ username: finance.username, password: newPassword });
      const refused = await fetch(`${origin}/api/console/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${member.accessToken}` },
        body: JSON.stringify({ username: 'not-allowed', displayName: '越权', role: 'owner', password: 'whatever-password' }),
      });
      expectEqual('a finance member creating staff', refused.status, 403);
      await fetch(`${origin}/api/console/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: finance.username, password: 'not-the-password' }),
      });

      await step('操作日志 shows the creation by the owner, the password masked', page, async () => {
        await openAuditLog(page);
        const row = auditRows(page, '新增员工', '成功').first();
        if (!(await row.innerText()).includes('测试店主')) throw new Error(`the newest 新增员工 row is not the owner's: ${await row.innerText()}`);
        await row.click();
        const payload = await page.locator('.audit-payload').first().innerText();
        if (!payload.includes(`"username": "${finance.username}"`)) throw new Error(`the expanded payload is not the new member's: ${payload}`);
        if (!payload.includes('"password": "***"') || payload.includes(finance.password)) throw new Error(`the payload shows a password: ${payload}`);
        await auditRows(page, '新增员工', '拒绝 403').first().waitFor({ timeout: 5_000 });
        await auditRows(page, '后台登录', '拒绝 401').first().waitFor({ timeout: 5_000 });
        await auditRows(page, '新增员工', '失败 409').first().waitFor({ timeout: 5_000 });
      });
      // The row's expand icon turns in a CSS transition; the screenshot waits for it to settle.
      await page.waitForTimeout(500);
      await page.screenshot({ path: screenshotPath('console-audit-log') });

      await step('the BFF holds one successful creation of the member, by the owner, and no password anywhere', page, async () => {
        const log = await api.auditLog(owner.accessToken, { action: '新增员工', limit: '50' });
        const creations = log.items.filter((e) => (e.payload as { username?: string } | null)?.username === finance.username);
        expectEqual('creations of the member', creations.length, 1);
        expectEqual('its outcome', creations[0]?.statusCode, 201);
        expectEqual('who created it', creations[0]?.username, consoleOwner.username);
        const taken = log.items.find((e) => (e.payload as { username?: string } | null)?.username === consoleOwner.username);
        expectEqual('the taken-username attempt', `${taken?.statusCode} ${taken?.errorCode}`, '409 USERNAME_TAKEN');
        const everything = JSON.stringify((await api.auditLog(owner.accessToken, { limit: '50' })).items);
        for (const secret of [finance.password, newPassword, consoleOwner.password]) if (everything.includes(secret)) throw new Error('a password is stored in the audit log');
      });

      await step('after a reload the accounts tab lists the team, the new member’s sign-in included', page, async () => {
        await page.reload();
        const row = staffRow(page, finance.username);
        await row.waitFor({ state: 'visible', timeout: 15_000 });
        if ((await row.innerText()).includes('从未登录')) throw new Error('the member signed in but the list says 从未登录');
      });
      await page.screenshot({ path: screenshotPath('console-staff') });
      errors.assertNone();
    } finally {
      await ownerDesk.close();
    }
  },
};
