const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * `2025-05-01T02:03:00Z` → `'2025-05-01 10:03'`. Times are shown in Asia/Shanghai whatever the
 * phone's zone; China has no daylight saving, so a fixed offset is exact.
 */
export function formatShanghaiTime(iso: string): string {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${twoDigits(d.getUTCMonth() + 1)}-${twoDigits(d.getUTCDate())} ${twoDigits(d.getUTCHours())}:${twoDigits(d.getUTCMinutes())}`;
}
