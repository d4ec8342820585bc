// A zone is required: Date.parse reads a zoneless date-time as local time, which differs between the
// server and a shopper's phone, and the two must agree on whether a coupon is still valid.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 instant such as `2025-03-01T00:00:00Z`. */
export function parseInstant(iso: string, label: string): number {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(`${label} must be an ISO instant with a zone, got ${String(iso)}`);
  }
  return ms;
}
