export interface PollOptions<T> {
  load: () => Promise<T>;
  isDone: (value: T) => boolean;
  intervalMs: number;
  /** stop after this long, whatever the answers */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** the page went away: stop without another request */
  isCancelled?: () => boolean;
}

export type PollResult<T> = { done: true; value: T } | { done: false; last: T | null };

/**
 * Loads until `isDone`, every `intervalMs`, for at most `timeoutMs`. A failed load (the network
 * dropped) is not the end: the next tick tries again. `last` is the latest answer when time ran out.
 */
export async function pollUntil<T>(options: PollOptions<T>): Promise<PollResult<T>> {
  const deadline = options.now() + options.timeoutMs;
  let last: T | null = null;
  for (;;) {
    if (options.isCancelled?.()) return { done: false, last };
    try {
      last = await options.load();
      if (options.isDone(last)) return { done: true, value: last };
    } catch {
      // a dropped request is retried on the next tick
    }
    if (options.now() + options.intervalMs > deadline) return { done: false, last };
    await options.sleep(options.intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
