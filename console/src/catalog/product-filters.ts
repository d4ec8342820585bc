import { ConsoleProductListQuery } from '@linli/shared/schemas/catalog-console';
import { declared } from './schema-limit';

/**
 * What the list can be narrowed by: exactly what GET /api/console/products accepts — a keyword
 * (title or subtitle, Chinese substrings), a category and the shelf state.
 */
export interface ProductFilters {
  q: string;
  categoryId: string | null;
  shelf: ShelfFilter;
}

export type ShelfFilter = 'all' | 'on' | 'off';

export const shelfTabs: ReadonlyArray<{ key: ShelfFilter; label: string }> = [
  { key: 'all', label: '全部商品' },
  { key: 'on', label: '出售中' },
  { key: 'off', label: '已下架' },
];

export const emptyFilters: ProductFilters = { q: '', categoryId: null, shelf: 'all' };

export const pageSize = 20;

const keywordMax = declared(ConsoleProductListQuery.properties.q.maxLength, 'the keyword length');

/** Caught before asking, so an over-long keyword reads as a hint rather than the BFF's 400. */
export function keywordProblem(q: string): string | null {
  return q.trim().length > keywordMax ? `关键词最多 ${keywordMax} 个字` : null;
}

/** The query string of one page: blank filters are left out, the cursor only after the first page. */
export function productListQuery(filters: ProductFilters, cursor: string | null): Record<string, string> {
  const query: Record<string, string> = { limit: String(pageSize) };
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.categoryId) query.categoryId = filters.categoryId;
  if (filters.shelf !== 'all') query.onShelf = String(filters.shelf === 'on');
  if (cursor) query.cursor = cursor;
  return query;
}
