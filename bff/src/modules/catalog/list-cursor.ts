import { AppError } from '../../plugins/errors';

/**
 * Where a product list page ended: the last row's created_at in microseconds since the epoch (the
 * column's full precision; a JS Date would round it to milliseconds and repeat or skip rows) and its id.
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

const invalidCursor = () => new AppError(400, 'INVALID_CURSOR', '分页游标无效，请从第一页重新加载');
