import { sql, type SQL } from 'drizzle-orm';
import { afterCursor, createdMicrosOf, type ListCursor } from '../../db/cursor';

export interface ProductFilter {
  categoryId?: string;
  q?: string;
  onShelf?: boolean;
  after?: ListCursor;
}

/** The keyword with LIKE's wildcards escaped, so `%` or `_` typed by a shopper match themselves. */
export function containsPattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * WHERE conditions on `products p`, newest first paging by (created_at, id). Substring ILIKE finds
 * Chinese words without a tokenizer; at a shop's catalog size a scan of the shelf index is cheap.
 */
export function productConditions(filter: ProductFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.onShelf !== undefined) conditions.push(sql`p.on_shelf = ${filter.onShelf}`);
  if (filter.categoryId) conditions.push(sql`p.category_id = ${filter.categoryId}::uuid`);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(sql`(p.title ilike ${pattern} or p.subtitle ilike ${pattern})`);
  }
  if (filter.after) {
    conditions.push(afterCursor(sql.raw('p.created_at'), sql.raw('p.id'), filter.after));
  }
  return sql.join(conditions, sql` and `);
}

/** A timestamp column as an ISO-8601 UTC string, the same whichever driver reads it. */
export const isoUtc = (column: 'p.created_at' | 'p.updated_at') =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The row's created_at at full precision, for the next page's cursor. */
export const createdMicros = createdMicrosOf(sql.raw('p.created_at'));

/** Normalises the free-text keyword: surrounding blanks ignored, blank means no keyword. */
export function normaliseKeyword(q: string | undefined): string | undefined {
  const trimmed = q?.trim();
  return trimmed ? trimmed : undefined;
}
