import type { Page } from 'playwright-core';

/**
 * Collects what a shopper would never see but a journey must not hide: uncaught exceptions in the
 * page and server errors from the API.
 */
export function watchForErrors(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 500) problems.push(`${res.status()} from ${res.request().method()} ${res.url()}`);
  });
  return {
    assertNone() {
      if (problems.length > 0) throw new Error(problems.join('\n'));
    },
  };
}
