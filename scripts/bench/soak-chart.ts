import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../e2e/browser';
import type { SoakResult } from './soak';

/**
 * The soak's figures as a PNG: per endpoint, throughput (left) and p50/p99 latency (right). Drawn as
 * SVG and photographed by the same headless Chromium the e2e uses, so no native canvas is needed.
 */
const rowHeight = 34;
const labelWidth = 150;
const panelWidth = 380;
const gap = 40;
const top = 86;

function bars(values: Array<{ value: number; color: string }>, x: number, y: number, max: number, unit: string): string {
  const height = (rowHeight - 10) / values.length;
  return values
    .map(({ value, color }, i) => {
      const width = max === 0 ? 0 : (value / max) * (panelWidth - 90);
      const by = y + 5 + i * height;
      return `<rect x="${x}" y="${by}" width="${width.toFixed(1)}" height="${(height - 2).toFixed(1)}" fill="${color}"/>` +
        `<text x="${(x + width + 6).toFixed(1)}" y="${(by + height - 4).toFixed(1)}" font-size="11" fill="#333">${value.toFixed(value < 10 ? 1 : 0)} ${unit}</text>`;
    })
    .join('');
}

export function soakSvg(result: SoakResult, title: string): string {
  const rows = result.endpoints;
  const width = labelWidth + panelWidth * 2 + gap + 20;
  const height = top + rows.length * rowHeight + 40;
  const maxRate = Math.max(...rows.map((r) => r.perSecond));
  const maxLatency = Math.max(...rows.map((r) => r.p99));
  const left = labelWidth;
  const right = labelWidth + panelWidth + gap;
  const body = rows
    .map((r, i) => {
      const y = top + i * rowHeight;
      return `<text x="${labelWidth - 10}" y="${y + rowHeight / 2 + 4}" font-size="13" text-anchor="end" fill="#222">${r.kind}</text>` +
        bars([{ value: r.perSecond, color: '#2f7ed8' }], left, y, maxRate, 'req/s') +
        bars([{ value: r.p50, color: '#8bc34a' }, { value: r.p99, color: '#e4572e' }], right, y, maxLatency, 'ms') +
        `<line x1="${left - 5}" x2="${width - 10}" y1="${y + rowHeight}" y2="${y + rowHeight}" stroke="#eee"/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="Noto Sans CJK SC, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="20" y="28" font-size="16" font-weight="bold" fill="#111">${title}</text>
<text x="${left}" y="${top - 14}" font-size="13" fill="#2f7ed8">throughput (requests/s)</text>
<text x="${right}" y="${top - 14}" font-size="13" fill="#111"><tspan fill="#8bc34a">p50</tspan> / <tspan fill="#e4572e">p99</tspan> latency (ms)</text>
${body}
</svg>`;
}

/** Writes the chart to `file` (a .png); answers false when there is no Chromium to draw it with. */
export async function writeSoakChart(result: SoakResult, title: string, file: string): Promise<boolean> {
  let browser;
  try {
    browser = await launchBrowser();
  } catch {
    return false;
  }
  try {
    const svg = soakSvg(result, title);
    const page = await browser.newPage({ viewport: { width: 1000, height: 600 }, deviceScaleFactor: 2 });
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    mkdirSync(path.dirname(file), { recursive: true });
    await page.locator('svg').screenshot({ path: file });
    return true;
  } finally {
    await browser.close();
  }
}
