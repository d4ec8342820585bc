import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** TOOLCHAIN.md: the distribution's Chromium; playwright cannot download its own browsers here. */
const executablePath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath, args });
}

/** A shopper's phone: its own cookies and storage, so two shoppers never share a session. */
export function phoneContext(browser: Browser, origin: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: origin,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}
