import { recentSearches, withRecentSearch, type KeyValueStorage } from './recent-searches';

function memoryStorage(initial: Record<string, unknown> = {}): KeyValueStorage {
  const data = new Map(Object.entries(initial));
  return { get: (k) => data.get(k), set: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k) };
}

describe('recent searches', () => {
  it('puts the newest keyword first', () => {
    expect(withRecentSearch(['草莓'], '芒果')).toEqual(['芒果', '草莓']);
  });

  it('keeps each keyword once, moving a repeated one to the front', () => {
    expect(withRecentSearch(['草莓', '芒果', '橙子'], '橙子')).toEqual(['橙子', '草莓', '芒果']);
  });

  it('ignores surrounding spaces and blank keywords', () => {
    expect(withRecentSearch(['草莓'], '  草莓 ')).toEqual(['草莓']);
    expect(withRecentSearch(['草莓'], '   ')).toEqual(['草莓']);
  });

  it('keeps at most ten, dropping the oldest', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `词${i}`);
    const next = withRecentSearch(ten, '新词');
    expect(next).toHaveLength(10);
    expect(next[0]).toBe('新词');
    expect(next).not.toContain('词9');
  });

  it('survives in storage and can be cleared', () => {
    const storage = memoryStorage();
    const store = recentSearches(storage);
    store.add('草莓');
    store.add('芒果');
    expect(recentSearches(storage).read()).toEqual(['芒果', '草莓']);
    store.clear();
    expect(store.read()).toEqual([]);
  });

  it('reads nothing unusable from storage', () => {
    expect(recentSearches(memoryStorage({ 'linli.recent-searches': 'oops' })).read()).toEqual([]);
    expect(recentSearches(memoryStorage({ 'linli.recent-searches': ['草莓', 3, null] })).read()).toEqual(['草莓']);
  });
});
