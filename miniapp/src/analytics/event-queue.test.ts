import { maxEventsPerBatch, type ClientEvent } from '@linli/shared/schemas/analytics';
import { EVENTS_PER_BATCH, createEventQueue, outcomeOfStatus, type SendOutcome } from './event-queue';

/** Timers run by hand, so a test says exactly when time passes. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    timers: {
      set: (run: () => void, ms: number) => {
        const id = next++;
        pending.set(id, { at: now + ms, run });
        return id;
      },
      clear: (id: number) => void pending.delete(id),
    },
    async advance(ms: number) {
      now += ms;
      for (const [id, t] of [...pending]) {
        if (t.at <= now) {
          pending.delete(id);
          t.run();
        }
      }
      await Promise.resolve();
      await Promise.resolve();
    },
    pendingDelays: () => [...pending.values()].map((t) => t.at - now),
  };
}

const view = (i: number): ClientEvent => ({ name: 'page_view', occurredAt: '2025-05-01T08:00:00.000Z', page: `p/${i}` });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(outcomes: SendOutcome[] = [], options: { maxQueued?: number; flushAt?: number } = {}) {
  const clock = manualTimers();
  const batches: ClientEvent[][] = [];
  const send = jest.fn(async (events: ClientEvent[]) => {
    batches.push(events);
    return outcomes.shift() ?? 'sent';
  });
  const queue = createEventQueue({ send, timers: clock.timers, ...options });
  return { queue, clock, batches, send };
}

describe('the analytics event queue', () => {
  it('sends nothing for fewer than 10 events until 5 seconds have passed', async () => {
    const { queue, clock, batches } = setUp();
    for (let i = 0; i < 9; i++) queue.push(view(i));
    await clock.advance(4999);
    expect(batches).toHaveLength(0);
    await clock.advance(1);
    await settle();
    expect(batches).toEqual([Array.from({ length: 9 }, (_, i) => view(i))]);
    expect(queue.size()).toBe(0);
  });

  it('sends at once when the 10th event is queued', async () => {
    const { queue, batches } = setUp();
    for (let i = 0; i < 10; i++) queue.push(view(i));
    await settle();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(10);
  });

  it('sends whatever waits when flushed (the app hides), in batches of at most 50', async () => {
    const { queue, batches } = setUp([], { maxQueued: 500, flushAt: 500 });
    for (let i = 0; i < 120; i++) queue.push(view(i));
    await queue.flush();
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.flat()).toEqual(Array.from({ length: 120 }, (_, i) => view(i)));
    expect(queue.size()).toBe(0);
  });

  it('keeps the events when the network fails and sends them on the retry', async () => {
    const { queue, clock, batches } = setUp(['failed']);
    queue.push(view(1));
    queue.push(view(2));
    await queue.flush();
    expect(queue.size()).toBe(2);
    expect(clock.pendingDelays()).toEqual([5000]);
    await clock.advance(5000);
    await settle();
    expect(batches).toEqual([[view(1), view(2)], [view(1), view(2)]]);
    expect(queue.size()).toBe(0);
  });

  it('waits twice as long after each failure in a row, up to a minute', async () => {
    const { queue, clock } = setUp(['failed', 'failed', 'failed', 'failed', 'failed', 'failed']);
    queue.push(view(1));
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      await queue.flush();
      delays.push(...clock.pendingDelays());
    }
    expect(delays).toEqual([5000, 10000, 20000, 40000, 60000, 60000]);
  });

  it('does not hammer a failing network when more events arrive during the wait', async () => {
    const { queue, send } = setUp(['failed']);
    queue.push(view(0));
    await queue.flush();
    for (let i = 1; i < 15; i++) queue.push(view(i));
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('drops a batch the BFF refuses (4xx) so one bad event cannot block the queue', async () => {
    const { queue, batches } = setUp(['rejected']);
    queue.push(view(1));
    await queue.flush();
    expect(queue.size()).toBe(0);
    queue.push(view(2));
    await queue.flush();
    expect(batches).toEqual([[view(1)], [view(2)]]);
  });

  it('keeps only the newest events beyond its cap while the network is down', async () => {
    const { queue } = setUp(['failed'], { maxQueued: 20 });
    for (let i = 0; i < 30; i++) queue.push(view(i));
    await settle();
    expect(queue.size()).toBe(20);
    const { batches, queue: q2 } = setUp([], { maxQueued: 3 });
    q2.push(view(1));
    q2.push(view(2));
    q2.push(view(3));
    q2.push(view(4));
    await q2.flush();
    expect(batches).toEqual([[view(2), view(3), view(4)]]);
  });

  it('treats a thrown send like a failed one', async () => {
    const clock = manualTimers();
    const queue = createEventQueue({ send: () => Promise.reject(new Error('boom')), timers: clock.timers });
    queue.push(view(1));
    await queue.flush();
    expect(queue.size()).toBe(1);
  });

  it('keeps events that arrive while a batch is on the wire', async () => {
    const clock = manualTimers();
    let release: (outcome: SendOutcome) => void = () => {};
    const batches: ClientEvent[][] = [];
    const queue = createEventQueue({
      send: (events) => {
        batches.push(events);
        return new Promise<SendOutcome>((resolve) => (release = resolve));
      },
      timers: clock.timers,
    });
    queue.push(view(1));
    const flushing = queue.flush();
    queue.push(view(2));
    release('sent');
    await settle();
    release('sent');
    await flushing;
    expect(batches).toEqual([[view(1)], [view(2)]]);
    expect(queue.size()).toBe(0);
  });
});

it('batches exactly as many events as the BFF accepts in one batch', () => {
  expect(EVENTS_PER_BATCH).toBe(maxEventsPerBatch);
});

describe('what an answer to POST /api/events means for the batch', () => {
  it.each([
    [202, 'sent'],
    [400, 'rejected'],
    [401, 'rejected'],
    [429, 'failed'],
    [500, 'failed'],
    [503, 'failed'],
    [0, 'failed'],
  ] as const)('%i → %s', (status, outcome) => {
    expect(outcomeOfStatus(status)).toBe(outcome);
  });
});
