import type { App } from '../../src/app';
import type { PaymentProvider } from '../../src/modules/payments/providers/payment-provider';
import { createSandboxProvider, type SandboxOptions, type SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { buildTestApp } from '../helper';

/** A clock that stands still until a test moves it. */
export interface MovableClock {
  now: () => Date;
  advance(ms: number): void;
}

export function movableClock(start = new Date()): MovableClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface ShopUnderTest<P extends PaymentProvider> {
  app: App;
  clock: MovableClock;
  /** The sandbox WeChat Pay itself, for acting as the shopper (confirmPayment) or WeChat (completeRefund). */
  sandbox: SandboxPaymentProvider;
  /** What the app was given as its payment provider: the sandbox, or a test double around it. */
  payments: P;
  close(): Promise<void>;
}

interface ShopOptions {
  sandbox?: Omit<SandboxOptions, 'now'>;
  /** configuration variables, as the BFF reads them from its environment */
  env?: Record<string, string>;
}

/**
 * The BFF on PGlite, with ONE movable clock shared by the app and the sandbox WeChat Pay: payment
 * windows, grace periods and retry delays pass when the test says so, and WeChat's signatures and
 * ±5 minute checks see the same time as the app.
 */
export async function openShop(options?: ShopOptions): Promise<ShopUnderTest<SandboxPaymentProvider>>;
export async function openShop<P extends PaymentProvider>(
  options: ShopOptions & { provider: (sandbox: SandboxPaymentProvider) => P },
): Promise<ShopUnderTest<P>>;
export async function openShop(
  options: ShopOptions & { provider?: (sandbox: SandboxPaymentProvider) => PaymentProvider } = {},
): Promise<ShopUnderTest<PaymentProvider>> {
  const clock = movableClock();
  const sandbox = await createSandboxProvider({ ...options.sandbox, now: clock.now });
  const payments = options.provider ? options.provider(sandbox) : sandbox;
  const app = await buildTestApp(options.env ?? {}, { clock: clock.now, payments });
  return {
    app,
    clock,
    sandbox,
    payments,
    close: async () => {
      await app.close();
      await sandbox.close();
    },
  };
}
