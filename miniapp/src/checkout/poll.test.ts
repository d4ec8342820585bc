import { pollUntil } from './poll';

/** A clock that moves only when the poll sleeps. */
function fakeTime() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('pollUntil', () => {
  it('stops at the first answer that is done', async () => {
    const answers = ['pending_payment', 'pending_payment', 'paid', 'to_ship'];
    let calls = 0;
    const result = await pollUntil({ load: async () => answers[calls++] ?? 'x', isDone: (s) => s !== 'pending_payment', intervalMs: 1000, timeoutMs: 15_000, ...fakeTime() });
    expect(result).toEqual({ done: true, value: 'paid' });
    expect(calls).toBe(3);
  });

  it('gives up after the time limit with the last answer, having asked once a second', async () => {
    let calls = 0;
    const time = fakeTime();
    const result = await pollUntil({ load: async () => (calls++, 'pending_payment'), isDone: () => false, intervalMs: 1000, timeoutMs: 15_000, ...time });
    expect(result).toEqual({ done: false, last: 'pending_payment' });
    expect(calls).toBe(16);
    expect(time.now()).toBe(15_000);
  });

  it('keeps asking after a failed request', async () => {
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return 'paid';
    };
    await expect(pollUntil({ load, isDone: (s) => s === 'paid', intervalMs: 1000, timeoutMs: 5000, ...fakeTime() })).resolves.toEqual({ done: true, value: 'paid' });
  });

  it('asks nothing more once the page has gone', async () => {
    let calls = 0;
    let gone = false;
    const load = async () => {
      calls += 1;
      gone = true;
      return 'pending_payment';
    };
    const result = await pollUntil({ load, isDone: () => false, intervalMs: 1000, timeoutMs: 15_000, isCancelled: () => gone, ...fakeTime() });
    expect(result).toEqual({ done: false, last: 'pending_payment' });
    expect(calls).toBe(1);
  });
});
