import type { DayMetrics, MetricFigures } from '@linli/shared/schemas/analytics';
import { fenTick, formatRate, funnelSteps, kpiCards, trendSeries } from './dashboard-view';

const figures: MetricFigures = {
  gmv: 125_800,
  refunded: 9_900,
  orders: 14,
  payingUsers: 12,
  averageOrderValue: 8_986,
  visitors: 300,
  visitToPayConversion: 0.04,
  sharers: 9,
  shareRate: 0.03,
  shares: 21,
  shareOpens: 64,
  shareOrders: 5,
  newInvitees: 4,
  kFactor: 0.4444,
  groupsOpened: 6,
  groupsSucceeded: 3,
  groupsFailed: 1,
  groupSuccessRate: 0.75,
  couponsClaimed: 40,
  couponsUsed: 8,
  couponRedemptionRate: 0.2,
  couponCost: 8_000,
  returningBuyers: 3,
  repurchaseRate: 0.25,
};

const empty: MetricFigures = {
  ...figures,
  gmv: 0,
  refunded: 0,
  orders: 0,
  payingUsers: 0,
  averageOrderValue: null,
  returningBuyers: 0,
  repurchaseRate: null,
  groupsSucceeded: 0,
  groupsFailed: 0,
  groupSuccessRate: null,
  couponsClaimed: 0,
  couponsUsed: 0,
  couponRedemptionRate: null,
  couponCost: 0,
};

const valueOf = (cards: ReturnType<typeof kpiCards>, key: string) => cards.find((c) => c.key === key)?.value;

describe('the KPI cards', () => {
  it('show the BFF totals, money formatted from fen', () => {
    const cards = kpiCards(figures);
    expect(cards.map((c) => [c.key, c.value])).toEqual([
      ['gmv', '¥1258.00'],
      ['orders', '14'],
      ['averageOrderValue', '¥89.86'],
      ['repurchaseRate', '25.00%'],
      ['groupSuccessRate', '75.00%'],
      ['couponRedemption', '20.00%'],
    ]);
  });

  it('show the counts behind each rate', () => {
    const cards = kpiCards(figures);
    expect(cards.find((c) => c.key === 'couponRedemption')?.note).toBe('核销 8/40 张 · 成本 ¥80.00');
    expect(cards.find((c) => c.key === 'gmv')?.note).toBe('其中已退款 ¥99.00');
  });

  it('show a dash, not 0%, where the BFF says there was nothing to divide by', () => {
    const cards = kpiCards(empty);
    expect(valueOf(cards, 'averageOrderValue')).toBe('—');
    expect(valueOf(cards, 'repurchaseRate')).toBe('—');
    expect(valueOf(cards, 'groupSuccessRate')).toBe('—');
    expect(valueOf(cards, 'gmv')).toBe('¥0.00');
  });
});

describe('formatRate', () => {
  it('keeps the two decimals of a rate rounded to 4 places', () => {
    expect(formatRate(0.1235)).toBe('12.35%');
    expect(formatRate(0.145)).toBe('14.50%');
    expect(formatRate(1)).toBe('100.00%');
  });
});

describe('the trend series', () => {
  it('lists GMV in fen and orders per day in date order', () => {
    const day = (date: string, gmv: number, orders: number): DayMetrics => ({ ...figures, date, gmv, orders });
    expect(trendSeries([day('2025-05-02', 500, 1), day('2025-05-01', 1200, 2)])).toEqual({
      labels: ['05-01', '05-02'],
      gmv: [1200, 500],
      orders: [2, 1],
    });
  });

  it('labels axis ticks as money even between whole fen', () => {
    expect(fenTick(50_000)).toBe('¥500.00');
    expect(fenTick(2500.5)).toBe('¥25.01');
  });
});

describe('the share funnel', () => {
  it('goes share → visit → order from the BFF counts', () => {
    expect(funnelSteps(figures)).toEqual([
      { name: '分享', value: 21 },
      { name: '访问', value: 64 },
      { name: '下单', value: 5 },
    ]);
  });
});
