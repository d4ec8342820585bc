/**
 * WeChat Pay writes times as RFC 3339 in Beijing time ("2015-05-20T13:29:35+08:00"). We keep
 * instants (UTC) everywhere else and convert only at this edge.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export function toWechatTime(instant: Date): string {
  return `${new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Null for an absent or unparsable time: WeChat omits success_time until something succeeds. */
export function fromWechatTime(value: string | undefined): Date | null {
  if (!value) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

export function isWechatTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && fromWechatTime(value) !== null;
}
