import { useCallback, useEffect, useState } from 'react';
import { App } from 'antd';
import { errorText } from '../api/api-error';

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type ListLoad<T> = { phase: 'loading' } | { phase: 'failed'; error: unknown } | { phase: 'ready'; items: T[]; nextCursor: string | null };

/**
 * A console list read page by page through a keyset cursor (加载更多), whose rows change only when the
 * BFF answers with the saved record. `fetchPage` must be stable (a module-level API function).
 */
export function useKeysetList<T extends { id: string }>(fetchPage: (cursor: string | null) => Promise<KeysetPage<T>>) {
  const { message } = App.useApp();
  const [load, setLoad] = useState<ListLoad<T>>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [savingId, setSavingId] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoad({ phase: 'loading' });
    fetchPage(null).then(
      (page) => current && setLoad({ phase: 'ready', items: page.items, nextCursor: page.nextCursor }),
      (error: unknown) => current && setLoad({ phase: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [fetchPage, attempt]);

  const loadMore = async () => {
    if (load.phase !== 'ready' || load.nextCursor === null) return;
    setLoadingMore(true);
    try {
      const page = await fetchPage(load.nextCursor);
      setLoad({ phase: 'ready', items: [...load.items, ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setLoadingMore(false);
    }
  };

  /** The saved record takes its row's place. */
  const replace = useCallback(
    (saved: T) => setLoad((previous) => (previous.phase === 'ready' ? { ...previous, items: previous.items.map((row) => (row.id === saved.id ? saved : row)) } : previous)),
    [],
  );

  /** A new record goes on top, where the newest-first list would put it. */
  const prepend = useCallback((created: T) => setLoad((previous) => (previous.phase === 'ready' ? { ...previous, items: [created, ...previous.items] } : previous)), []);

  /** A change to one row (a switch flipped): its button spins until the BFF answers; a refusal says why. */
  const saveRow = async (id: string, request: () => Promise<T>, done: string) => {
    setSavingId(id);
    try {
      replace(await request());
      void message.success(done);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSavingId(null);
    }
  };

  return { load, reload: () => setAttempt((n) => n + 1), loadMore, loadingMore, replace, prepend, saveRow, savingId };
}
