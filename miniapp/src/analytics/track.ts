import Taro from '@tarojs/taro';
import type { ClientEvent } from '@linli/shared/schemas/analytics';
import { ApiError } from '../api/api-error';
import { request } from '../api/client';
import { createEventQueue, outcomeOfStatus, type SendOutcome } from './event-queue';
import { visitorId } from './visitor-id';

/** An event as a page reports it: the time it happened is stamped here. */
type WithoutTime<E> = E extends ClientEvent ? Omit<E, 'occurredAt'> : never;
export type TrackedEvent = WithoutTime<ClientEvent>;

async function send(events: ClientEvent[]): Promise<SendOutcome> {
  try {
    // Signed in, the events count for the shopper too; signed out, for the device alone.
    await request({ path: '/api/events', method: 'POST', body: { visitorId: visitorId(), events }, auth: 'optional' });
    return 'sent';
  } catch (error) {
    return outcomeOfStatus(error instanceof ApiError ? error.status : 0);
  }
}

const queue = createEventQueue<ReturnType<typeof setTimeout>>({
  send,
  // Wrapped: the browser refuses setTimeout called as a method of another object (Illegal invocation).
  timers: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle) },
});

// Whatever waits goes out before the shopper leaves; a hidden mini-program may be killed at any time.
Taro.onAppHide(() => {
  void queue.flush();
});

/** Reports an event; it is batched with others and sent within 5 seconds (or sooner). */
export function track(event: TrackedEvent): void {
  queue.push({ ...event, occurredAt: new Date().toISOString() });
}

/** Sends what waits now (a page closing). */
export function flushEvents(): void {
  void queue.flush();
}
