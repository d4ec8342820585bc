import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { errorText } from '../api/api-error';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type CursorList<T> = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; items: T[]; nextCursor: string | null };

/**
 * A list the BFF pages by keyset cursor: the first page loads again whenever `query` (the filters, as
 * text) changes or on `reload`, 加载更多 appends the next one, and `replace` shows a changed row in its
 * place at once. A page that fails to load more keeps what is shown and says why.
 */
export function useCursorList<T>(fetchPage: (cursor: string | null) => Promise<CursorPage<T>>, query: string) {
  const [list, setList] = useState<CursorList<T>>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const { message } = App.useApp();
  // The latest closure, so a re-render does not count as a new query.
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => {
    let current = true;
    setList({ phase: 'loading' });
    fetchRef.current(null).then(
      (page) => current && setList({ phase: 'ready', items: page.items, nextCursor: page.nextCursor }),
      (error: unknown) => current && setList({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [query, attempt]);

  const loadMore = async () => {
    if (list.phase !== 'ready' || list.nextCursor === null) return;
    setLoadingMore(true);
    try {
      const page = await fetchRef.current(list.nextCursor);
      setList({ phase: 'ready', items: [...list.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const replace = useCallback((isIt: (row: T) => boolean, fresh: T) => {
    setList((previous) => (previous.phase === 'ready' ? { ...previous, items: previous.items.map((row) => (isIt(row) ? fresh : row)) } : previous));
  }, []);

  return { list, loadingMore, loadMore, replace, reload: () => setAttempt((n) => n + 1) };
}
