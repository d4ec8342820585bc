/** Whole seconds from `now` until `expiresAt` (an ISO timestamp), never below zero. */
export function secondsUntil(expiresAt: string, now: number): number {
  return Math.max(0, Math.floor((Date.parse(expiresAt) - now) / 1000));
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `3725` → `'01:02:05'`; a day or more → `'2天 03:00:00'`. */
export function formatCountdown(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const rest = seconds % 86_400;
  const clock = `${twoDigits(Math.floor(rest / 3600))}:${twoDigits(Math.floor((rest % 3600) / 60))}:${twoDigits(rest % 60)}`;
  return days > 0 ? `${days}天 ${clock}` : clock;
}
