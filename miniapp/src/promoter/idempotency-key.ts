/**
 * A key for one withdrawal the shopper means to make: kept while they retry the same amount, so a
 * tap whose answer was lost returns the first withdrawal instead of asking twice.
 * The BFF accepts 8–64 of [A-Za-z0-9_-:.].
 */
export function newIdempotencyKey(now = Date.now(), random = Math.random): string {
  const noise = Array.from({ length: 3 }, () => Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')).join('');
  return `w-${now.toString(36)}-${noise}`;
}
