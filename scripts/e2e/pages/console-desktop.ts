import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaffActionPage } from '@linli/shared/schemas/audit';
import type { StaffList, StaffSession } from '@linli/shared/schemas/auth';
import type { CouponTemplatePage } from '@linli/shared/schemas/coupons';
import type { GroupCampaignPage } from '@linli/shared/schemas/group-buys';
import type { ConsoleCredentials } from '../bff';

/** A staff member's desktop browser at the size the console is designed for, in the shop's time zone. */
export function desktopContext(browser: Browser, origin: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: origin,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The console's charts then draw at once: a screenshot never catches one mid-animation.
    reducedMotion: 'reduce',
  });
}

/** Signs in on the console's login page and waits until the login form is gone. */
export async function signInToConsole(page: Page, credentials: ConsoleCredentials): Promise<void> {
  await page.goto('/console/');
  await page.locator('.console-login__username').fill(credentials.username);
  await page.locator('.console-login__password').fill(credentials.password);
  await page.locator('.console-login__submit').click();
  await page.locator('.console-menu').waitFor({ state: 'visible', timeout: 20_000 });
}

/** The console's staff API, for setting the scene (another staff member) outside the browser. */
export function consoleStaffApi(origin: string) {
  async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body: unknown, token?: string): Promise<T> {
    const res = await fetch(`${origin}${url}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
  return {
    logIn: (credentials: ConsoleCredentials) => call<StaffSession>('POST', '/api/console/auth/login', credentials),
    createStaff: (ownerToken: string, member: { username: string; displayName: string; role: 'service' | 'operator' | 'finance'; password: string }) =>
      call<unknown>('POST', '/api/console/staff', member, ownerToken),
    /** Any other console route, as a signed-in staff member (`body` undefined for a GET or DELETE). */
    request: <T>(token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => call<T>(method, url, body, token),
    listStaff: (ownerToken: string) => call<StaffList>('GET', '/api/console/staff', undefined, ownerToken),
    auditLog: (ownerToken: string, query: Record<string, string>) =>
      call<StaffActionPage>('GET', `/api/console/audit-log?${new URLSearchParams(query).toString()}`, undefined, ownerToken),
    groupCampaigns: (token: string) => call<GroupCampaignPage>('GET', '/api/console/group-campaigns?limit=50', undefined, token),
    couponTemplates: (token: string) => call<CouponTemplatePage>('GET', '/api/console/coupon-templates?limit=50', undefined, token),
  };
}
