import { AppError } from '../plugins/errors';

/**
 * Keyset pagination cursor over (created_at, id): opaque to clients, stable under inserts, and the
 * same shape for every list so one decoder serves them all.
 */
export function encodeCursor(position: { at: Date; id: string }): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError(400, 'INVALID_CURSOR', '分页游标无效');
  }
  return { at: date, id };
}
