import type { ClientEvent } from '@linli/shared/schemas/analytics';

/**
 * The schema's maxEventsPerBatch. Not imported: a value import of the schema module brings TypeBox
 * and every analytics schema (~75 KB) into the weapp main package. event-queue.test.ts holds the two equal.
 */
export const EVENTS_PER_BATCH = 50;

/** sent: stored · rejected: the BFF refused the batch itself (a 4xx) · failed: try again later */
export type SendOutcome = 'sent' | 'rejected' | 'failed';

/**
 * How an answer to POST /api/events is treated. A 4xx other than 429 means the batch itself is bad
 * and would be refused again, so it is dropped rather than blocking every event behind it; no answer,
 * 429 and 5xx are the network's or the server's trouble and the batch is kept for a retry.
 */
export function outcomeOfStatus(status: number): SendOutcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status >= 400 && status < 500 && status !== 429) return 'rejected';
  return 'failed';
}

export interface Timers<H> {
  set(run: () => void, ms: number): H;
  clear(handle: H): void;
}

export interface EventQueueOptions<H> {
  send(events: ClientEvent[]): Promise<SendOutcome>;
  timers: Timers<H>;
  /** flush as soon as this many events wait */
  flushAt?: number;
  /** otherwise flush this long after the first waiting event */
  flushAfterMs?: number;
  /** the oldest events are dropped beyond this, so a long outage cannot grow memory without bound */
  maxQueued?: number;
  /** after a failed send, wait this long (doubling per failure, up to maxRetryMs) before trying again */
  retryAfterMs?: number;
  maxRetryMs?: number;
}

export interface EventQueue {
  push(event: ClientEvent): void;
  /** sends what waits, batch after batch, until the queue is empty or a send fails */
  flush(): Promise<void>;
  size(): number;
}

export function createEventQueue<H>(options: EventQueueOptions<H>): EventQueue {
  const { send, timers, flushAt = 10, flushAfterMs = 5000, maxQueued = 200, retryAfterMs = 5000, maxRetryMs = 60_000 } = options;
  let queue: ClientEvent[] = [];
  let timer: H | null = null;
  let inFlight: Promise<void> | null = null;
  let failures = 0;

  function schedule(ms: number) {
    if (timer !== null) return;
    timer = timers.set(() => {
      timer = null;
      void flush();
    }, ms);
  }

  function cancelTimer() {
    if (timer === null) return;
    timers.clear(timer);
    timer = null;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, EVENTS_PER_BATCH);
      const outcome = await send(batch).catch((): SendOutcome => 'failed');
      if (outcome === 'failed') {
        failures += 1;
        schedule(Math.min(retryAfterMs * 2 ** (failures - 1), maxRetryMs));
        return;
      }
      failures = 0;
      // Not a plain slice: events pushed while the batch was on the wire may have pushed the oldest out.
      queue = queue.filter((event) => !batch.includes(event));
    }
  }

  function flush(): Promise<void> {
    if (inFlight) return inFlight;
    cancelTimer();
    inFlight = drain().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    push(event) {
      queue.push(event);
      if (queue.length > maxQueued) queue = queue.slice(queue.length - maxQueued);
      // While a retry is pending, new events wait for it rather than hammer a failing network.
      if (queue.length >= flushAt && failures === 0) void flush();
      else schedule(flushAfterMs);
    },
    flush,
    size: () => queue.length,
  };
}
