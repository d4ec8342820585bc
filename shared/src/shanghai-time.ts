/**
 * The shop shows every time in Asia/Shanghai, whatever zone the phone is set to: an order placed at
 * 23:30 in Beijing is that day's order for the shopper and for the merchant alike. China keeps
 * UTC+8 all year, so a fixed offset is exact.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `2025-05-01T02:03:04Z` → `'2025-05-01 10:03:04'`: to the second, for logs staff read. */
export function shanghaiTimestamp(iso: string): string {
  const at = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  return `${at.toISOString().slice(0, 10)} ${twoDigits(at.getUTCHours())}:${twoDigits(at.getUTCMinutes())}:${twoDigits(at.getUTCSeconds())}`;
}

/** `2025-05-01T02:03:00Z` → `'2025-05-01 10:03'`. */
export function shanghaiDateTime(iso: string): string {
  return shanghaiTimestamp(iso).slice(0, 16);
}

/** `2026-11-30T16:30:00Z` → `'2026-12-01'`. */
export function shanghaiDate(iso: string): string {
  return shanghaiDateTime(iso).slice(0, 10);
}

/**
 * The Shanghai calendar day `'2026-12-01'` as the UTC instants it spans: from `2026-11-30T16:00:00Z`
 * (start, included) to `2026-12-01T16:00:00Z` (end, excluded). Filters by day use these bounds, so
 * an order placed at 23:59:59.999 in Beijing belongs to its day, never to the next.
 */
export function shanghaiDayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
  // Date.parse rolls 02-30 over into March: a day that does not come back unchanged does not exist.
  if (Number.isNaN(start.getTime()) || shanghaiDate(start.toISOString()) !== day) throw new RangeError(`not a calendar day: ${day}`);
  return { start, end: new Date(start.getTime() + 24 * 3_600_000) };
}

/**
 * `'2025-05-01 10:03'`, a time on a Shanghai clock as staff pick it, → `'2025-05-01T02:03:00.000Z'`;
 * the inverse of `shanghaiDateTime`. Null for text that is not such a time or not a real date.
 */
export function shanghaiWallTimeToIso(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return new Date(utc - SHANGHAI_OFFSET_MS).toISOString();
}
