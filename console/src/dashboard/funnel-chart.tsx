import { useMemo } from 'react';
import { FunnelChart as EchartsFunnel } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerCharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { MetricFigures } from '@linli/shared/schemas/analytics';
import { funnelSteps } from './dashboard-view';
import { EChart } from './echart';

registerCharts([EchartsFunnel, LegendComponent, TooltipComponent, CanvasRenderer]);

/** share → visit → order, from the range's totals. */
export function FunnelChart({ totals }: { totals: MetricFigures }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}' },
      legend: { data: funnelSteps(totals).map((s) => s.name) },
      series: [
        {
          name: '分享转化',
          type: 'funnel',
          sort: 'none',
          top: 40,
          bottom: 16,
          minSize: '20%',
          label: { show: true, position: 'inside', formatter: '{b} {c}' },
          data: funnelSteps(totals),
        },
      ],
    }),
    [totals],
  );
  return <EChart option={option} className="dashboard-chart--funnel" />;
}
