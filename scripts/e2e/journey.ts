import type { Browser, Page } from 'playwright-core';
import type { ShippingRule } from '@linli/shared/pricing';
import type { ConsoleCredentials } from './bff';

/** What every journey gets from the runner. */
export interface JourneyContext {
  browser: Browser;
  origin: string;
  /** The shipping rule the BFF under test prices orders with. */
  shipping: ShippingRule;
  /** An owner account of the merchant console on the BFF under test. */
  consoleOwner: ConsoleCredentials;
  /**
   * A new shopper on a phone (own cookies and storage) with one page open. The runner closes it
   * after the journey and, if the journey failed, screenshots it first.
   */
  phone(): Promise<Page>;
  /** A path under docs/screenshots/ for `name` (e.g. 'home' → docs/screenshots/home.png). */
  screenshotPath(name: string): string;
  /** Records a figure in milliseconds; the runner prints it (and `pnpm bench` can read it). */
  metric(name: string, ms: number): void;
}

export interface Journey {
  name: string;
  /** Longer than the runner's default, for journeys with several shoppers and payments. */
  timeoutMs?: number;
  /** Resolves 'skipped' when the app does not have what the journey needs yet. */
  run(context: JourneyContext): Promise<void | 'skipped'>;
}
