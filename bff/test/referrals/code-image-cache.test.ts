import { createCodeImageCache } from '../../src/modules/referrals/code-image-cache';

function counter() {
  const loads: string[] = [];
  const load = (key: string) => async () => {
    loads.push(key);
    return Buffer.from(key);
  };
  return { loads, load };
}

describe('the code image cache', () => {
  it('keeps the most recently used images and drops the least used one when full', async () => {
    const cache = createCodeImageCache(2);
    const { loads, load } = counter();
    await cache.read('a', load('a'));
    await cache.read('b', load('b'));
    await cache.read('a', load('a'));
    await cache.read('c', load('c'));
    await cache.read('a', load('a'));
    await cache.read('b', load('b'));
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('shares one load between readers that miss at the same time', async () => {
    const cache = createCodeImageCache(2);
    const { loads, load } = counter();
    const [x, y] = await Promise.all([cache.read('a', load('a')), cache.read('a', load('a'))]);
    expect(x).toBe(y);
    expect(loads).toEqual(['a']);
  });

  it('does not keep a failed load, so the next reader tries again', async () => {
    const cache = createCodeImageCache(2);
    await expect(cache.read('a', () => Promise.reject(new Error('quota')))).rejects.toThrow('quota');
    const { loads, load } = counter();
    expect(await cache.read('a', load('a'))).toEqual(Buffer.from('a'));
    expect(loads).toEqual(['a']);
  });
});
