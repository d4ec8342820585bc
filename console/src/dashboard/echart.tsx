import { useEffect, useRef } from 'react';
import { init, type EChartsCoreOption, type EChartsType } from 'echarts/core';

/**
 * One ECharts instance bound to a div, resized with it. Callers register the chart types and
 * components they use (`use([...])` in their own module), so only those end up in the bundle.
 */
export function EChart({ option, className }: { option: EChartsCoreOption; className: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = init(element.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Staff who asked their system for less motion get the chart drawn at once (so do screenshots).
    const animation = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.current?.setOption({ ...option, animation }, { notMerge: true });
  }, [option]);

  return <div ref={element} className={`dashboard-chart ${className}`} />;
}
