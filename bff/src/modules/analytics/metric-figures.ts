import type { MetricFigures } from '@linli/shared/schemas/analytics';
import type { Counts } from './daily-counts';

/** numerator ÷ denominator rounded to 4 places; null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** The dashboard's figures from the counts of one day or one range. Formulas: docs/metrics.md. */
export function metricFigures(c: Counts): MetricFigures {
  return {
    gmv: c.gmv,
    refunded: c.refunded,
    orders: c.orders,
    payingUsers: c.payingUsers,
    averageOrderValue: c.orders === 0 ? null : Math.round(c.gmv / c.orders),
    visitors: c.visitors,
    visitToPayConversion: ratio(c.payingUsers, c.visitors),
    sharers: c.sharers,
    shareRate: ratio(c.sharers, c.visitors),
    shares: c.shares,
    shareOpens: c.shareOpens,
    shareOrders: c.shareOrders,
    newInvitees: c.newInvitees,
    kFactor: ratio(c.newInvitees, c.sharers),
    groupsOpened: c.groupsOpened,
    groupsSucceeded: c.groupsSucceeded,
    groupsFailed: c.groupsFailed,
    groupSuccessRate: ratio(c.groupsSucceeded, c.groupsSucceeded + c.groupsFailed),
    couponsClaimed: c.couponsClaimed,
    couponsUsed: c.couponsUsed,
    couponRedemptionRate: ratio(c.couponsUsed, c.couponsClaimed),
    couponCost: c.couponCost,
    returningBuyers: c.returningBuyers,
    repurchaseRate: ratio(c.returningBuyers, c.payingUsers),
  };
}
