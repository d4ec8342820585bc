import type { Page } from '../paging/paged-list';

export type PageFetcher<T> = (cursor: string | null) => Promise<Page<T>>;

const SEPARATOR = '|';

function parse(cursor: string | null): { segment: number; inner: string | null } {
  if (cursor === null) return { segment: 0, inner: null };
  const at = cursor.indexOf(SEPARATOR);
  const inner = cursor.slice(at + 1);
  return { segment: Number(cursor.slice(0, at)), inner: inner === '' ? null : inner };
}

/**
 * Several cursor lists read as one, each to its end before the next (可使用 is the available
 * coupons, then those locked in a pending order: the BFF filters by one status at a time). The
 * chained cursor carries which list it is in. An empty page from an exhausted list moves straight
 * on, so the chained list is never empty while a later list still has items.
 */
export function chainPages<T>(fetchers: readonly PageFetcher<T>[]): PageFetcher<T> {
  return async (cursor) => {
    let { segment, inner } = parse(cursor);
    for (;;) {
      const fetchPage = fetchers[segment];
      if (fetchPage === undefined) return { items: [], nextCursor: null };
      const page = await fetchPage(inner);
      if (page.nextCursor !== null) return { items: page.items, nextCursor: `${segment}${SEPARATOR}${page.nextCursor}` };
      const next = segment + 1;
      if (next >= fetchers.length) return { items: page.items, nextCursor: null };
      if (page.items.length > 0) return { items: page.items, nextCursor: `${next}${SEPARATOR}` };
      segment = next;
      inner = null;
    }
  };
}
