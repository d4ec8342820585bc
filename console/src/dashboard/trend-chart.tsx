import { useMemo } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerCharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { formatFen } from '@linli/shared/money';
import type { DayMetrics } from '@linli/shared/schemas/analytics';
import { fenTick, trendSeries } from './dashboard-view';
import { EChart } from './echart';

registerCharts([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** GMV (left axis, money) and paid orders (right axis) per Shanghai day. */
export function TrendChart({ days }: { days: readonly DayMetrics[] }) {
  const option = useMemo(() => {
    const series = trendSeries(days);
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['成交额', '支付订单'] },
      grid: { left: 72, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: series.labels, boundaryGap: false },
      yAxis: [
        // Ticks at whole yuan at least: a quiet week must not read ¥0.01, ¥0.01, ¥0.00 …
        { type: 'value', name: '成交额', minInterval: 100, axisLabel: { formatter: fenTick } },
        { type: 'value', name: '订单', minInterval: 1 },
      ],
      series: [
        {
          name: '成交额',
          type: 'line',
          data: series.gmv,
          yAxisIndex: 0,
          tooltip: { valueFormatter: (value: unknown) => (typeof value === 'number' ? formatFen(value) : String(value)) },
        },
        { name: '支付订单', type: 'line', data: series.orders, yAxisIndex: 1 },
      ],
    };
  }, [days]);
  return <EChart option={option} className="dashboard-chart--trend" />;
}
