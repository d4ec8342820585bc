import type { Page, Response } from 'playwright-core';
import type { Metrics } from '@linli/shared/schemas/analytics';
import type { KpiKey } from '../../../console/src/dashboard/dashboard-view';

export const kpiSelector = (key: KpiKey) => `.dashboard-kpi--${key} .dashboard-kpi__value`;
export const kpiNoteSelector = (key: KpiKey) => `.dashboard-kpi--${key} .dashboard-kpi__note`;

/** The metrics answer the dashboard is about to show: its figures must come from it unchanged. */
export async function metricsAnswer(page: Page): Promise<Metrics> {
  const response: Response = await page.waitForResponse((res) => new URL(res.url()).pathname === '/api/console/metrics', { timeout: 20_000 });
  if (!response.ok()) throw new Error(`GET /api/console/metrics → ${response.status()}`);
  return (await response.json()) as Metrics;
}

/** Waits until both charts have drawn on their canvas. */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.locator('.dashboard-chart--trend canvas').waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('.dashboard-chart--funnel canvas').waitFor({ state: 'visible', timeout: 20_000 });
}
