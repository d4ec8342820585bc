import { createReadCache } from './read-cache';

function counter(values: string[] = []) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    load: async () => values[calls++] ?? `value-${calls}`,
  };
}

describe('createReadCache', () => {
  it('answers repeated reads within the TTL from one load', async () => {
    const cache = createReadCache({ ttlMs: 1000, now: () => 0 });
    const source = counter();
    await cache.read('k', source.load);
    expect(await cache.read('k', source.load)).toBe('value-1');
    expect(source.calls).toBe(1);
  });

  it('loads again once the TTL has passed', async () => {
    let clock = 0;
    const cache = createReadCache({ ttlMs: 1000, now: () => clock });
    const source = counter();
    await cache.read('k', source.load);
    clock = 1000;
    expect(await cache.read('k', source.load)).toBe('value-2');
  });

  it('keeps different keys apart', async () => {
    const cache = createReadCache({ ttlMs: 1000, now: () => 0 });
    await cache.read('a', async () => 'A');
    expect(await cache.read('b', async () => 'B')).toBe('B');
  });

  it('loads again after an invalidation', async () => {
    const cache = createReadCache({ ttlMs: 1000, now: () => 0 });
    const source = counter();
    await cache.read('k', source.load);
    cache.invalidate();
    expect(await cache.read('k', source.load)).toBe('value-2');
  });

  it('shares one load between concurrent readers of the same key', async () => {
    const cache = createReadCache({ ttlMs: 1000, now: () => 0 });
    const source = counter();
    const [a, b] = await Promise.all([cache.read('k', source.load), cache.read('k', source.load)]);
    expect([a, b, source.calls]).toEqual(['value-1', 'value-1', 1]);
  });

  it('does not keep a load that was in flight when the cache was invalidated', async () => {
    const cache = createReadCache({ ttlMs: 1000, now: () => 0 });
    let release: (v: string) => void = () => {};
    const stale = cache.read('k', () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate();
    release('before the write');
    await stale;
    expect(await cache.read('k', async () => 'after the write')).toBe('after the write');
  });

  it('does not keep a failed load', async () => {
    const cache = createReadCache({ ttlMs: 1000, now: () => 0 });
    await expect(cache.read('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.read('k', async () => 'recovered')).toBe('recovered');
  });

  it('drops the oldest entry when full', async () => {
    const cache = createReadCache({ ttlMs: 1000, maxEntries: 2, now: () => 0 });
    await cache.read('a', async () => 'A1');
    await cache.read('b', async () => 'B1');
    await cache.read('c', async () => 'C1');
    expect(await cache.read('a', async () => 'A2')).toBe('A2');
    expect(await cache.read('c', async () => 'C2')).toBe('C1');
  });

  it('passes every read through when the TTL is zero', async () => {
    const cache = createReadCache({ ttlMs: 0 });
    const source = counter();
    await cache.read('k', source.load);
    await cache.read('k', source.load);
    expect(source.calls).toBe(2);
  });
});
