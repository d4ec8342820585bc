import { useDidShow, useUnload } from '@tarojs/taro';
import { flushEvents, track } from './track';

/**
 * Reports a page_view each time the page shows (a tab switched to, a page navigated back to count
 * again), and sends what waits when the page closes. `page` is a path from routes.ts.
 */
export function usePageView(page: string): void {
  useDidShow(() => track({ name: 'page_view', page: page.replace(/^\//, '') }));
  useUnload(flushEvents);
}
