import type { Page } from 'playwright-core';

/**
 * Runs one step of a journey; a failure names the step and says what the shopper's screen showed,
 * so a red run reads as "B's payment never succeeded, the page said …" rather than a bare timeout.
 */
export async function step<T>(name: string, page: Page | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const seen = page ? await screenText(page) : '';
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`step "${name}" failed: ${reason}${seen ? `\n  the screen showed (${page?.url()}): ${seen}` : ''}`, { cause: err });
  }
}

async function screenText(page: Page): Promise<string> {
  const text = await page
    .locator('body')
    .innerText({ timeout: 2_000 })
    .catch(() => '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 400);
}

/** Throws with both sides when a checked figure is not what it should be. */
export function expectEqual<T>(what: string, actual: T, expected: T): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, saw ${String(actual)}`);
}

/**
 * Reads a figure until it is `expected` (pages fill in after their requests answer), or fails with
 * the last value seen.
 */
export async function expectEventually<T>(what: string, read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: T | undefined;
  for (;;) {
    seen = await read().catch(() => undefined);
    if (seen === expected) return;
    if (Date.now() > deadline) throw new Error(`${what}: expected ${String(expected)}, saw ${String(seen)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
