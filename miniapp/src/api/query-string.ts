export type QueryValue = string | number | boolean | null | undefined;

/**
 * `{ limit: 20, cursor: undefined }` → `'?limit=20'`. Hand-written because the mini-program runtime
 * has no URLSearchParams; null and undefined values are left out.
 */
export function toQueryString(query: Record<string, QueryValue>): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
