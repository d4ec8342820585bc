// fast-check does not resolve from shared/ (it is a bff devDependency), so these properties run on
// carts drawn from a small seeded generator: every run checks the same cases, and a failure names
// the seed that reproduces it.
import { goodsDiscount } from './couponDiscount';
import { findEligibleLines } from './eligibility';
import { priceOrder } from './priceOrder';
import { rankCoupons } from './rankCoupons';
import type { CouponForPricing, CouponRule, CouponScope, PricingLine, Quote, ShippingRule } from './types';

const CASES = 2000;
const NOW_MS = Date.parse('2025-06-01T12:00:00Z');
const NOW = new Date(NOW_MS).toISOString();
const HOUR = 3_600_000;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

type Random = { int(min: number, max: number): number; chance(p: number): boolean };

// mulberry32: tiny, seedable, and good enough to spread test cases.
function random(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
  };
}

// Prices often tiny so that rounding and allocation are pushed to the single fen.
function price(r: Random): number {
  return r.chance(0.3) ? r.int(0, 5) : r.int(0, 20000);
}

function cart(r: Random): PricingLine[] {
  return Array.from({ length: r.int(1, 5) }, (_, i) => {
    const unitPrice = price(r);
    return {
      skuId: `sku-${i}`,
      productId: `p${r.int(1, 3)}`,
      categoryId: `c${r.int(1, 2)}`,
      unitPrice,
      quantity: r.int(1, 4),
      groupUnitPrice: r.chance(0.3) ? r.int(0, unitPrice) : null,
    };
  });
}

function couponRule(r: Random): CouponRule {
  const threshold = r.chance(0.4) ? 0 : r.int(0, 30000);
  switch (r.int(0, 2)) {
    case 0:
      return { kind: 'amount_off', threshold, amountOff: price(r) };
    case 1:
      return { kind: 'percent_off', threshold, percentOff: r.int(1, 99), cap: r.chance(0.5) ? null : price(r) };
    default:
      return { kind: 'free_shipping', threshold };
  }
}

function scope(r: Random): CouponScope {
  switch (r.int(0, 2)) {
    case 0:
      return { kind: 'all' };
    case 1:
      return { kind: 'categories', ids: [`c${r.int(1, 3)}`] };
    default:
      return { kind: 'products', ids: [`p${r.int(1, 4)}`, `p${r.int(1, 4)}`] };
  }
}

function coupon(r: Random, id: string): CouponForPricing {
  const validFrom = NOW_MS + r.int(-48, 2) * HOUR;
  return {
    id,
    title: id,
    rule: couponRule(r),
    scope: scope(r),
    stacksWithGroupPrice: r.chance(0.5),
    validFrom: new Date(validFrom).toISOString(),
    validUntil: new Date(validFrom + r.int(1, 72) * HOUR).toISOString(),
  };
}

// The free-shipping threshold often sits just under the goods amount, where a coupon's discount can
// bring the shipping fee back.
function shipping(r: Random, lines: PricingLine[]): ShippingRule {
  const goods = sum(lines.map((l) => (l.groupUnitPrice ?? l.unitPrice) * l.quantity));
  const freeThreshold = r.chance(0.3) ? null : r.chance(0.5) ? Math.max(0, goods - r.int(0, 500)) : r.int(0, 30000);
  return { fee: r.chance(0.3) ? 0 : r.int(0, 3000), freeThreshold };
}

interface Case {
  seed: number;
  lines: PricingLine[];
  /** The coupon `withCoupon` is priced with; also the first of `coupons`. */
  coupon: CouponForPricing;
  coupons: CouponForPricing[];
  shipping: ShippingRule;
  withCoupon: Quote;
  withoutCoupon: Quote;
}

const cases: Case[] = Array.from({ length: CASES }, (_, seed) => {
  const r = random(seed);
  const lines = cart(r);
  const first = coupon(r, 'cp-0');
  const coupons = [first, ...Array.from({ length: r.int(0, 3) }, (_, i) => coupon(r, `cp-${i + 1}`))];
  const ship = shipping(r, lines);
  return {
    seed,
    lines,
    coupon: first,
    coupons,
    shipping: ship,
    withCoupon: priceOrder({ lines, coupon: first, shipping: ship, now: NOW }),
    withoutCoupon: priceOrder({ lines, coupon: null, shipping: ship, now: NOW }),
  };
});

function seedsWhere(fails: (c: Case) => boolean): number[] {
  return cases.filter(fails).map((c) => c.seed);
}

describe('pricing properties over random carts and coupons', () => {
  it('draws carts where coupons both apply and get rejected', () => {
    const applied = cases.filter((c) => c.withCoupon.coupon?.applied).length;
    expect(applied).toBeGreaterThan(CASES / 10);
    expect(applied).toBeLessThan(CASES - CASES / 10);
  });

  it('makes the payable the sum of line payables plus shipping less the shipping discount', () => {
    expect(
      seedsWhere(({ withCoupon: q }) => q.payable !== sum(q.lines.map((l) => l.payable)) + q.shippingFee - q.shippingDiscount),
    ).toEqual([]);
  });

  it('never leaves a line payable below zero', () => {
    expect(seedsWhere(({ withCoupon: q }) => q.lines.some((l) => l.payable < 0))).toEqual([]);
  });

  it('makes each line payable its subtotal less its group and coupon discounts', () => {
    expect(
      seedsWhere(({ withCoupon: q }) => q.lines.some((l) => l.payable !== l.subtotal - l.groupDiscount - l.couponDiscount)),
    ).toEqual([]);
  });

  it('allocates exactly the coupon discount across the lines', () => {
    expect(
      seedsWhere(({ lines, coupon, withCoupon: q }) => {
        const eligibility = findEligibleLines(coupon, lines, NOW_MS);
        const discount = q.coupon?.applied && eligibility.ok ? goodsDiscount(coupon.rule, eligibility.amount) : 0;
        return sum(q.lines.map((l) => l.couponDiscount)) !== discount || q.couponDiscount !== discount;
      }),
    ).toEqual([]);
  });

  it('never makes the payable larger with a coupon than without it', () => {
    expect(seedsWhere((c) => c.withCoupon.payable > c.withoutCoupon.payable)).toEqual([]);
  });

  it('reports as saving exactly how much the coupon lowers the payable', () => {
    expect(
      seedsWhere(({ withCoupon, withoutCoupon }) => {
        const outcome = withCoupon.coupon;
        const lowered = withoutCoupon.payable - withCoupon.payable;
        return outcome?.applied ? outcome.saving !== lowered || lowered <= 0 : lowered !== 0;
      }),
    ).toEqual([]);
  });

  it('suggests the coupon that leaves the lowest payable', () => {
    expect(
      seedsWhere(({ lines, coupons, shipping: ship, withoutCoupon }) => {
        const { bestId } = rankCoupons({ lines, coupons, shipping: ship, now: NOW });
        const payables = coupons.map((coupon) => priceOrder({ lines, coupon, shipping: ship, now: NOW }).payable);
        const lowest = Math.min(withoutCoupon.payable, ...payables);
        const best = coupons.find((c) => c.id === bestId);
        const bestPayable = best ? priceOrder({ lines, coupon: best, shipping: ship, now: NOW }).payable : withoutCoupon.payable;
        return bestPayable !== lowest;
      }),
    ).toEqual([]);
  });
});
