import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../plugins/errors';

/**
 * Keyset pagination for every list ordered by (created_at desc, id desc): where a page ended is the
 * last row's created_at in microseconds since the epoch (the column's full precision; a JS Date
 * would round it and repeat or skip rows) and its id. One cursor shape serves every list.
 */
export interface ListCursor {
  createdMicros: string;
  id: string;
}

const MICROS = /^\d{1,18}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients so the ordering can change without breaking them. */
export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdMicros, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [createdMicros, id] = parsed as unknown[];
  if (typeof createdMicros !== 'string' || !MICROS.test(createdMicros) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidCursor();
  }
  return { createdMicros, id };
}

/**
 * Cuts a page from rows fetched with `limit + 1` (the extra row only says that more follow), with the
 * cursor where the next page starts.
 */
export function keysetPage<Row>(rows: Row[], limit: number, cursorOf: (last: Row) => ListCursor): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

const invalidCursor = () => new AppError(400, 'INVALID_CURSOR', '分页游标无效，请从第一页重新加载');

/** The row's created_at at full precision, selected alongside a page for its cursor. */
export const createdMicrosOf = (createdAt: unknown) => sql<string>`(extract(epoch from ${createdAt}) * 1000000)::bigint::text`;

/** Rows strictly after the cursor in (created_at desc, id desc) order. */
export const afterCursor = (createdAt: unknown, id: unknown, cursor: ListCursor): SQL =>
  sql`(${createdAt}, ${id}) < (timestamptz 'epoch' + ${cursor.createdMicros}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`;
