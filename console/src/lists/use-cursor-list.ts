import { useCallback, useEffect, useState } from 'react';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type CursorList<T> =
  | { phase: 'loading' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'ready'; items: T[]; nextCursor: string | null; more: 'idle' | 'loading' | { failed: unknown } };

/**
 * A console list read page by page with the BFF's keyset cursor: the first page again whenever
 * `fetchPage` (new filters) or `reloadKey` changes or `reload` is called, the next one appended by
 * `loadMore`.
 * A failed next page keeps the rows shown and says so under them.
 */
export function useCursorList<T>(fetchPage: (cursor: string | null) => Promise<CursorPage<T>>, reloadKey?: unknown) {
  const [list, setList] = useState<CursorList<T>>({ phase: 'loading' });
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
    const shown = list;
    setList({ ...shown, more: 'loading' });
    try {
      const page = await fetchPage(shown.nextCursor);
      setList({ phase: 'ready', items: [...shown.items, ...page.items], nextCursor: page.nextCursor, more: 'idle' });
    } catch (error) {
      setList({ ...shown, more: { failed: error } });
    }
  }, [list, fetchPage]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { list, loadMore, reload };
}
