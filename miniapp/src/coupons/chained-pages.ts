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
 * chained cursor carries which list it is in. A page that ends one list goes on into the next in
 * the same call, so a short first list never leaves the shopper a "load more" for what follows.
 */
export function chainPages<T>(fetchers: readonly PageFetcher<T>[]): PageFetcher<T> {
  return async (cursor) => {
    let { segment, inner } = parse(cursor);
    const items: T[] = [];
    for (; segment < fetchers.length; segment += 1, inner = null) {
      const fetchPage = fetchers[segment];
      if (fetchPage === undefined) break;
      const page = await fetchPage(inner);
      items.push(...page.items);
      if (page.nextCursor !== null) return { items, nextCursor: `${segment}${SEPARATOR}${page.nextCursor}` };
    }
    return { items, nextCursor: null };
  };
}
