import { ApiError, NETWORK_ERROR } from './api-error';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh Idempotency-Key for one thing the shopper means to do once (an order, a withdrawal):
 * `prefix-` + time + 16 random characters, within the BFF's 8–64 of [A-Za-z0-9_-:.]. The
 * mini-program has no crypto API, and the key only has to be unique per shopper, which time plus
 * 82 random bits is.
 */
export function newIdempotencyKey(prefix: string, nowMs: number, random: () => number = Math.random): string {
  let suffix = '';
  for (let i = 0; i < 16; i += 1) suffix += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? '0';
  return `${prefix}-${nowMs.toString(36)}-${suffix}`;
}

/**
 * The request may have been placed even though no answer came (network error), or the first try is
 * still being placed (IDEMPOTENCY_IN_FLIGHT): only these are worth repeating, and only with the same key.
 */
export function isWorthRetrying(error: unknown): boolean {
  return error instanceof ApiError && (error.code === NETWORK_ERROR || error.code === 'IDEMPOTENCY_IN_FLIGHT');
}

export interface RetryOptions {
  /** tries after the first */
  retries: number;
  delayMs: number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Sends with the same key until an answer that is not worth retrying, or `retries` are used up.
 * Because the key stays the same, the BFF places at most one order however many tries reach it.
 */
export async function sendWithKey<T>(key: string, send: (key: string) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send(key);
    } catch (error) {
      if (attempt >= options.retries || !isWorthRetrying(error)) throw error;
      await options.sleep(options.delayMs * (attempt + 1));
    }
  }
}
