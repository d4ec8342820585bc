import { maxMetricDays, type MetricsQuery } from '@linli/shared/schemas/analytics';

/** The BFF counts days in Asia/Shanghai; so does the picker, wherever the browser is. */
const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayMs = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of `now` in Shanghai. */
export function shanghaiToday(now: Date): string {
  return shanghaiDay.format(now);
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted. */
export function daysIn(range: MetricsQuery): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / dayMs) + 1;
}

/** The last `n` Shanghai days, today included: the dashboard's default is the last 7. */
export function lastDays(now: Date, n = 7): MetricsQuery {
  const to = shanghaiToday(now);
  return { from: addDays(to, -(n - 1)), to };
}

/**
 * Whether the picker greys out `day`: days after today (Shanghai), and, once one end is picked, days
 * that would make the range longer than the BFF answers.
 */
export function isDayDisabled(day: string, today: string, pickedEnd: string | null): boolean {
  if (day > today) return true;
  if (pickedEnd === null) return false;
  const range = day < pickedEnd ? { from: day, to: pickedEnd } : { from: pickedEnd, to: day };
  return daysIn(range) > maxMetricDays;
}
