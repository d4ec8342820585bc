export const MAX_RECENT_SEARCHES = 10;

/** The keyword put first: newest first, each once (ignoring surrounding spaces), at most ten. */
export function withRecentSearch(recent: readonly string[], keyword: string): string[] {
  const trimmed = keyword.trim();
  if (trimmed === '') return [...recent];
  return [trimmed, ...recent.filter((k) => k !== trimmed)].slice(0, MAX_RECENT_SEARCHES);
}

export interface KeyValueStorage {
  get(key: string): unknown;
  set(key: string, value: string[]): void;
  remove(key: string): void;
}

const KEY = 'linli.recent-searches';

/** The shopper's recent searches in device storage; anything unreadable there counts as none. */
export function recentSearches(storage: KeyValueStorage) {
  const read = (): string[] => {
    const value = storage.get(KEY);
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string').slice(0, MAX_RECENT_SEARCHES) : [];
  };
  return {
    read,
    add(keyword: string): string[] {
      const next = withRecentSearch(read(), keyword);
      storage.set(KEY, next);
      return next;
    },
    clear(): void {
      storage.remove(KEY);
    },
  };
}
