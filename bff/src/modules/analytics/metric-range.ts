import { maxMetricDays, type MetricsQuery } from '@linli/shared/schemas/analytics';
import { shanghaiDayBounds } from '@linli/shared/shanghai-time';
import { AppError } from '../../plugins/errors';

/** Days are Shanghai calendar days; China has kept UTC+8 all year since 1991. */
export const shopTimeZone = 'Asia/Shanghai';
const dayMs = 24 * 60 * 60 * 1000;

export interface MetricRange {
  from: string;
  to: string;
  /** the first instant of `from` and the first instant after `to`, in the shop's time zone */
  start: Date;
  end: Date;
}

/** The inclusive day range a dashboard asked for; at most 92 days (a quarter), `from` not after `to`. */
export function metricRange(query: MetricsQuery): MetricRange {
  const { start } = shanghaiDayBounds(query.from);
  const { end } = shanghaiDayBounds(query.to);
  if (end <= start) throw new AppError(400, 'METRICS_RANGE_INVALID', '结束日期不能早于开始日期');
  const days = Math.round((end.getTime() - start.getTime()) / dayMs);
  if (days > maxMetricDays) throw new AppError(400, 'METRICS_RANGE_TOO_LONG', `一次最多查询 ${maxMetricDays} 天`);
  return { from: query.from, to: query.to, start, end };
}
