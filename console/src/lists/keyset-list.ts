import { useCallback, useEffect, useState } from 'react';

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type KeysetList<T> =
  | { phase: 'loading' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'ready'; items: T[]; nextCursor: string | null; more: 'idle' | 'loading' | { failed: unknown } };

/**
 * A list read page by page with the BFF's keyset cursor (加载更多). `fetchPage` is the list's query: a
 * new function (other filters) starts again from the first page, so memoise it on its filters; so does
 * a new `reloadKey`. A page that arrives after the filters changed is dropped.
 */
export function useKeysetList<T>(fetchPage: (cursor: string | null) => Promise<KeysetPage<T>>, reloadKey?: unknown) {
  const [list, setList] = useState<KeysetList<T>>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setList({ phase: 'loading' });
    fetchPage(null).then(
      (page) => current && setList({ phase: 'ready', items: page.items, nextCursor: page.nextCursor, more: 'idle' }),
      (error: unknown) => current && setList({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [fetchPage, attempt, reloadKey]);

  const loadMore = useCallback(async () => {
    if (list.phase !== 'ready' || list.nextCursor === null || list.more === 'loading') return;
    const loading: KeysetList<T> = { ...list, more: 'loading' };
    setList(loading);
    const settle = (next: KeysetList<T>) => setList((shown) => (shown === loading ? next : shown));
    try {
      const page = await fetchPage(list.nextCursor);
      settle({ phase: 'ready', items: [...list.items, ...page.items], nextCursor: page.nextCursor, more: 'idle' });
    } catch (error) {
      settle({ ...list, more: { failed: error } });
    }
  }, [list, fetchPage]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  /** Changes the rows shown in place (a record just saved), without reading the list again. */
  const updateItems = useCallback((change: (items: T[]) => T[]) => {
    setList((shown) => (shown.phase === 'ready' ? { ...shown, items: change(shown.items) } : shown));
  }, []);

  return { list, loadMore, retry, updateItems };
}

/** For `updateItems`: the saved record takes its row's place. */
export const replaceRow =
  <T extends { id: string }>(saved: T) =>
  (items: T[]): T[] =>
    items.map((row) => (row.id === saved.id ? saved : row));

/** For `updateItems`: a new record goes on top, where the newest-first list would put it. */
export const prependRow =
  <T>(created: T) =>
  (items: T[]): T[] =>
    [created, ...items];
