const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `2026-11-30T16:30:00Z` → `'2026-12-01'`: the calendar day in Asia/Shanghai (no daylight saving there). */
export function shanghaiDate(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
