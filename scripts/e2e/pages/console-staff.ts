import type { Locator, Page } from 'playwright-core';

/** Opens 员工与角色 from the side menu and waits for the accounts table. */
export async function openStaffPage(page: Page): Promise<void> {
  await page.locator('.console-menu__item--staff').click();
  await page.waitForURL('**/console/staff', { timeout: 10_000 });
  await page.locator('.staff-table').waitFor({ state: 'visible', timeout: 15_000 });
}

/** The error shown under the form field that holds `input`, once there is one. */
export async function fieldError(page: Page, input: string): Promise<string> {
  const error = page.locator('.ant-form-item').filter({ has: page.locator(input) }).locator('.ant-form-item-explain-error');
  await error.first().waitFor({ state: 'visible', timeout: 10_000 });
  return (await error.first().innerText()).trim();
}

/** Picks `label` in one of the page's role pickers (the option's first line is the role's name). */
export async function chooseRole(page: Page, select: string, label: string): Promise<void> {
  await page.locator(select).click();
  const option = page.locator('.staff-role-options .ant-select-item-option').filter({ has: page.locator('span', { hasText: new RegExp(`^${label}$`) }) });
  await option.click();
}

export async function fillNewStaff(page: Page, member: { username: string; displayName: string; role: string; password: string }): Promise<void> {
  await page.locator('.staff-create__username').fill(member.username);
  await page.locator('.staff-create__name').fill(member.displayName);
  await chooseRole(page, '.staff-create__role', member.role);
  await page.locator('.staff-create__password').fill(member.password);
}

/** The accounts table's row of `username`. */
export const staffRow = (page: Page, username: string): Locator => page.locator(`.staff-table tr[data-username="${username}"]`);

/** Opens 操作日志 and waits until its first page has answered. */
export async function openAuditLog(page: Page): Promise<void> {
  const answered = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/console/audit-log', { timeout: 15_000 });
  await page.locator('.staff-tabs .ant-tabs-tab').filter({ hasText: '操作日志' }).click();
  const response = await answered;
  if (!response.ok()) throw new Error(`GET /api/console/audit-log → ${response.status()}`);
  await page.locator('.audit-table .audit-row').first().waitFor({ state: 'visible', timeout: 10_000 });
}

/** The audit rows that show `action` with the outcome tag `outcome` (e.g. 成功, 失败 409). */
export function auditRows(page: Page, action: string, outcome: string): Locator {
  return page
    .locator('.audit-table .audit-row')
    .filter({ hasText: action })
    .filter({ has: page.locator('.audit-outcome', { hasText: new RegExp(`^${outcome}$`) }) });
}
