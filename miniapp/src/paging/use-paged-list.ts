import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { errorText } from '../api/api-error';
import {
  emptyPagedList,
  failLoad,
  receivePage,
  shouldLoadMoreOnScroll,
  startLoad,
  type LoadKind,
  type Page,
  type PagedList,
} from './paged-list';

const FALLBACK_MESSAGE = '加载失败，请稍后重试';

export interface PagedListHandle<T> {
  state: PagedList<T>;
  /** resolves with the list once the answer is applied (or dropped as stale) */
  load: (kind: LoadKind) => Promise<PagedList<T>>;
  /** for the reach-bottom event: fetches the next page only when the list wants one */
  loadMoreOnScroll: () => void;
}

/** Binds a PagedList to a page fetcher. */
export function usePagedList<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  idOf: (item: T) => string,
): PagedListHandle<T> {
  const [state, setState] = useState<PagedList<T>>(emptyPagedList);
  // Event handlers read the latest list synchronously: two events can fire before React re-renders.
  const current = useRef(state);
  const commit = useCallback((next: PagedList<T>) => {
    current.current = next;
    setState(next);
  }, []);

  const load = useCallback(
    async (kind: LoadKind) => {
      const started = startLoad(current.current, kind);
      if (started === null) return current.current;
      commit(started.state);
      try {
        const page = await fetchPage(started.cursor);
        commit(receivePage(current.current, started.ticket, page, idOf));
      } catch (error) {
        const message = errorText(error, FALLBACK_MESSAGE);
        commit(failLoad(current.current, started.ticket, message));
      }
      return current.current;
    },
    [commit, fetchPage, idOf],
  );

  const loadMoreOnScroll = useCallback(() => {
    if (shouldLoadMoreOnScroll(current.current)) void load('more');
  }, [load]);

  return { state, load, loadMoreOnScroll };
}

/**
 * Ends a pull-to-refresh once `refreshing` (the list's refresh load) settles. A failed refresh
 * keeps the list that was shown and says why in a toast.
 */
export async function endPullDownRefresh<T>(refreshing: Promise<PagedList<T>>): Promise<void> {
  const after = await refreshing;
  Taro.stopPullDownRefresh();
  if (after.error?.kind === 'refresh') void Taro.showToast({ title: after.error.message, icon: 'none' });
}
