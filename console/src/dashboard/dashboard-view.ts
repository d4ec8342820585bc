import { formatFen } from '@linli/shared/money';
import type { DayMetrics, MetricFigures } from '@linli/shared/schemas/analytics';

/**
 * What the dashboard shows, taken from GET /api/console/metrics as it is: every figure comes from the
 * BFF (docs/metrics.md), here it is only formatted and arranged.
 */

export type KpiKey = 'gmv' | 'orders' | 'averageOrderValue' | 'repurchaseRate' | 'groupSuccessRate' | 'couponRedemption';

export interface KpiCard {
  key: KpiKey;
  title: string;
  value: string;
  /** the counts behind the figure */
  note: string;
}

const none = '—';

/** A 0..1 ratio rounded by the BFF to 4 places → '12.34%'; null (no denominator) → '—'. */
export function formatRate(rate: number | null): string {
  return rate === null ? none : `${(rate * 100).toFixed(2)}%`;
}

export function kpiCards(totals: MetricFigures): KpiCard[] {
  return [
    { key: 'gmv', title: '成交额（GMV）', value: formatFen(totals.gmv), note: `其中已退款 ${formatFen(totals.refunded)}` },
    { key: 'orders', title: '支付订单', value: String(totals.orders), note: `${totals.payingUsers} 位买家` },
    {
      key: 'averageOrderValue',
      title: '客单价',
      value: totals.averageOrderValue === null ? none : formatFen(totals.averageOrderValue),
      note: '成交额 ÷ 支付订单',
    },
    { key: 'repurchaseRate', title: '复购率', value: formatRate(totals.repurchaseRate), note: `复购买家 ${totals.returningBuyers} / 买家 ${totals.payingUsers}` },
    { key: 'groupSuccessRate', title: '成团率', value: formatRate(totals.groupSuccessRate), note: `成团 ${totals.groupsSucceeded} · 未成团 ${totals.groupsFailed}` },
    {
      key: 'couponRedemption',
      title: '优惠券核销率',
      value: formatRate(totals.couponRedemptionRate),
      note: `核销 ${totals.couponsUsed}/${totals.couponsClaimed} 张 · 成本 ${formatFen(totals.couponCost)}`,
    },
  ];
}

export interface TrendSeries {
  /** 'MM-DD' labels, one per day of the range */
  labels: string[];
  /** fen, as the BFF sent it */
  gmv: number[];
  orders: number[];
}

/** GMV and paid orders per Shanghai day, in the order of the range. */
export function trendSeries(days: readonly DayMetrics[]): TrendSeries {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  return {
    labels: sorted.map((d) => d.date.slice(5)),
    gmv: sorted.map((d) => d.gmv),
    orders: sorted.map((d) => d.orders),
  };
}

export interface FunnelStep {
  name: string;
  value: number;
}

/** share → visit → order: shares minted, opens of those shares, paid orders placed through them. */
export function funnelSteps(totals: MetricFigures): FunnelStep[] {
  return [
    { name: '分享', value: totals.shares },
    { name: '访问', value: totals.shareOpens },
    { name: '下单', value: totals.shareOrders },
  ];
}

/** An axis tick in fen as money; ticks between whole fen are rounded rather than refused. */
export function fenTick(value: number): string {
  return formatFen(Math.round(value));
}
