import type { Metrics } from '@linli/shared/schemas/analytics';
import type { App } from '../../app';
import { dailyCounts } from './daily-counts';
import { metricFigures } from './metric-figures';
import type { MetricRange } from './metric-range';
import { topProducts, topPromoters } from './top-lists';

/** The dashboard over a range of Shanghai days: three queries, whatever the length of the range. */
export async function shopMetrics(app: App, range: MetricRange): Promise<Metrics> {
  const [periods, products, promoters] = await Promise.all([dailyCounts(app, range), topProducts(app, range), topPromoters(app, range)]);
  const days = periods.flatMap((p) => (p.date === null ? [] : [{ date: p.date, ...metricFigures(p.counts) }]));
  const total = periods.find((p) => p.date === null);
  if (!total) throw new Error('metrics query returned no total row');
  return { days, totals: metricFigures(total.counts), topProducts: products, topPromoters: promoters };
}
