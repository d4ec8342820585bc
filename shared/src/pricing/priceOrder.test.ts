import { priceOrder } from './priceOrder';
import type { CouponForPricing, CouponRule, PricingLine, Quote, ShippingRule } from './types';

const NOW = '2025-06-01T12:00:00Z';
const NO_SHIPPING: ShippingRule = { fee: 0, freeThreshold: null };

function line(unitPrice: number, quantity = 1, more: Partial<PricingLine> = {}): PricingLine {
  return { skuId: `sku-${unitPrice}`, productId: 'p-tea', categoryId: 'c-drinks', unitPrice, quantity, ...more };
}

function coupon(rule: CouponRule, more: Partial<CouponForPricing> = {}): CouponForPricing {
  return {
    id: 'cp-1',
    title: 'test coupon',
    rule,
    scope: { kind: 'all' },
    stacksWithGroupPrice: true,
    validFrom: '2025-05-01T00:00:00Z',
    validUntil: '2025-07-01T00:00:00Z',
    ...more,
  };
}

const amountOff = (threshold: number, off: number): CouponRule => ({ kind: 'amount_off', threshold, amountOff: off });
const percentOff = (threshold: number, off: number, cap: number | null = null): CouponRule => ({
  kind: 'percent_off',
  threshold,
  percentOff: off,
  cap,
});
const FREE_SHIPPING: CouponRule = { kind: 'free_shipping', threshold: 0 };

function price(lines: PricingLine[], c: CouponForPricing | null = null, shipping = NO_SHIPPING, now = NOW): Quote {
  return priceOrder({ lines, coupon: c, shipping, now });
}

function rejectionOf(quote: Quote): string | undefined {
  return quote.coupon && !quote.coupon.applied ? quote.coupon.rejection.code : undefined;
}

describe('line amounts', () => {
  it('charges unit price × quantity on a line without a group price', () => {
    const quote = price([line(1250, 3)]);
    expect(quote.lines[0]).toEqual({
      skuId: 'sku-1250',
      quantity: 3,
      unitPrice: 1250,
      chargedUnitPrice: 1250,
      subtotal: 3750,
      groupDiscount: 0,
      couponDiscount: 0,
      payable: 3750,
    });
  });

  it('charges the group price and reports the difference as the line group discount', () => {
    const quote = price([line(2000, 2, { groupUnitPrice: 1500 })]);
    expect(quote.lines[0]).toMatchObject({ chargedUnitPrice: 1500, subtotal: 4000, groupDiscount: 1000, payable: 3000 });
  });

  it('totals items at their unit price and the group discount separately', () => {
    const quote = price([line(2000, 2, { groupUnitPrice: 1500 }), line(300, 1, { groupUnitPrice: null })]);
    expect(quote).toMatchObject({ itemsTotal: 4300, groupDiscount: 1000, couponDiscount: 0, payable: 3300, coupon: null });
  });
});

describe('validity window', () => {
  const window = { validFrom: '2025-06-01T00:00:00Z', validUntil: '2025-06-02T00:00:00Z' };
  const c = coupon(amountOff(0, 100), window);

  it('rejects a coupon before validFrom as NOT_STARTED', () => {
    expect(rejectionOf(price([line(1000)], c, NO_SHIPPING, '2025-05-31T23:59:59.999Z'))).toBe('NOT_STARTED');
  });

  it('accepts a coupon at exactly validFrom', () => {
    expect(price([line(1000)], c, NO_SHIPPING, '2025-06-01T00:00:00Z').coupon).toMatchObject({ applied: true });
  });

  it('accepts a coupon one millisecond before validUntil', () => {
    expect(price([line(1000)], c, NO_SHIPPING, '2025-06-01T23:59:59.999Z').coupon).toMatchObject({ applied: true });
  });

  it('rejects a coupon at exactly validUntil as EXPIRED', () => {
    expect(rejectionOf(price([line(1000)], c, NO_SHIPPING, '2025-06-02T00:00:00Z'))).toBe('EXPIRED');
  });

  it('compares instants written in different zones by the moment they name', () => {
    // 08:00 in Shanghai on 2 June is midnight UTC: the coupon has just expired.
    expect(rejectionOf(price([line(1000)], c, NO_SHIPPING, '2025-06-02T08:00:00+08:00'))).toBe('EXPIRED');
  });
});

describe('scope', () => {
  const tea = line(1000, 1, { skuId: 'tea', productId: 'p-tea', categoryId: 'c-drinks' });
  const cup = line(3000, 1, { skuId: 'cup', productId: 'p-cup', categoryId: 'c-kitchen' });

  it('rejects a coupon for categories absent from the cart as OUT_OF_SCOPE', () => {
    const c = coupon(amountOff(0, 100), { scope: { kind: 'categories', ids: ['c-books'] } });
    expect(rejectionOf(price([tea, cup], c))).toBe('OUT_OF_SCOPE');
  });

  it('discounts only the lines of the categories in scope', () => {
    const c = coupon(amountOff(0, 500), { scope: { kind: 'categories', ids: ['c-kitchen'] } });
    const quote = price([tea, cup], c);
    expect(quote.lines.map((l) => l.couponDiscount)).toEqual([0, 500]);
  });

  it('discounts only the lines of the products in scope', () => {
    const c = coupon(amountOff(0, 500), { scope: { kind: 'products', ids: ['p-tea'] } });
    const quote = price([tea, cup], c);
    expect(quote.lines.map((l) => l.couponDiscount)).toEqual([500, 0]);
  });

  it('rejects a coupon that does not stack with group price on a group-price-only cart', () => {
    const c = coupon(amountOff(0, 100), { stacksWithGroupPrice: false });
    const quote = price([line(2000, 1, { groupUnitPrice: 1500 })], c);
    expect(rejectionOf(quote)).toBe('NOT_STACKABLE_WITH_GROUP_PRICE');
  });

  it('applies a coupon that does not stack with group price to the normally priced lines only', () => {
    const c = coupon(amountOff(0, 600), { stacksWithGroupPrice: false });
    const quote = price([{ ...tea, groupUnitPrice: 800 }, cup], c);
    expect(quote.lines.map((l) => l.couponDiscount)).toEqual([0, 600]);
  });

  it('applies a stacking coupon on top of the group price', () => {
    const c = coupon(amountOff(0, 300), { stacksWithGroupPrice: true });
    const quote = price([line(2000, 1, { groupUnitPrice: 1500 })], c);
    expect(quote.lines[0]).toMatchObject({ groupDiscount: 500, couponDiscount: 300, payable: 1200 });
  });

  it('reports OUT_OF_SCOPE rather than group price when no line is in scope at all', () => {
    const c = coupon(amountOff(0, 100), { stacksWithGroupPrice: false, scope: { kind: 'products', ids: ['p-none'] } });
    expect(rejectionOf(price([line(2000, 1, { groupUnitPrice: 1500 })], c))).toBe('OUT_OF_SCOPE');
  });
});

describe('threshold', () => {
  it('applies a 满减 coupon with threshold 0 to any cart', () => {
    expect(price([line(1)], coupon(amountOff(0, 1))).coupon).toMatchObject({ applied: true, saving: 1 });
  });

  it('applies a coupon when the eligible amount equals the threshold exactly', () => {
    expect(price([line(5000)], coupon(amountOff(5000, 500))).couponDiscount).toBe(500);
  });

  it('rejects a coupon one fen short of the threshold and says how much is missing', () => {
    const quote = price([line(4999)], coupon(amountOff(5000, 500)));
    expect(quote.coupon).toEqual({ id: 'cp-1', applied: false, rejection: { code: 'BELOW_THRESHOLD', missing: 1 } });
  });

  it('compares the threshold with the amount after group price', () => {
    const quote = price([line(6000, 1, { groupUnitPrice: 4500 })], coupon(amountOff(5000, 500)));
    expect(quote.coupon).toMatchObject({ rejection: { code: 'BELOW_THRESHOLD', missing: 500 } });
  });

  it('counts only eligible lines toward the threshold', () => {
    const c = coupon(amountOff(3000, 500), { scope: { kind: 'products', ids: ['p-tea'] } });
    const quote = price([line(2000, 1, { productId: 'p-tea' }), line(9000, 1, { productId: 'p-cup' })], c);
    expect(quote.coupon).toMatchObject({ rejection: { code: 'BELOW_THRESHOLD', missing: 1000 } });
  });
});

describe('discount', () => {
  it('takes no more off than the eligible amount, leaving the line at zero', () => {
    const quote = price([line(3000)], coupon(amountOff(0, 5000)));
    expect(quote).toMatchObject({ couponDiscount: 3000, payable: 0 });
  });

  it('rounds a percent-off discount down to the fen', () => {
    // 15% of ¥9.99 is 149.85 fen.
    expect(price([line(999)], coupon(percentOff(0, 15))).couponDiscount).toBe(149);
  });

  it('limits a percent-off discount to its cap', () => {
    expect(price([line(100000)], coupon(percentOff(0, 20, 5000))).couponDiscount).toBe(5000);
  });

  it('leaves a percent-off discount below its cap untouched', () => {
    expect(price([line(10000)], coupon(percentOff(0, 20, 5000))).couponDiscount).toBe(2000);
  });

  it('waives the shipping fee with a free-shipping coupon and allocates nothing to lines', () => {
    const quote = price([line(3000)], coupon(FREE_SHIPPING), { fee: 800, freeThreshold: null });
    expect(quote).toMatchObject({ shippingFee: 800, shippingDiscount: 800, couponDiscount: 0, payable: 3000 });
    expect(quote.lines[0]?.couponDiscount).toBe(0);
    expect(quote.coupon).toEqual({ id: 'cp-1', applied: true, saving: 800 });
  });

  it('rejects a free-shipping coupon as NO_SAVING when shipping costs nothing', () => {
    expect(rejectionOf(price([line(3000)], coupon(FREE_SHIPPING), { fee: 0, freeThreshold: null }))).toBe('NO_SAVING');
  });

  it('rejects a free-shipping coupon as NO_SAVING when the order already ships free', () => {
    const quote = price([line(3000)], coupon(FREE_SHIPPING), { fee: 800, freeThreshold: 2000 });
    expect(rejectionOf(quote)).toBe('NO_SAVING');
  });

  it('holds a free-shipping coupon to its threshold', () => {
    const c = coupon({ kind: 'free_shipping', threshold: 5000 });
    const quote = price([line(3000)], c, { fee: 800, freeThreshold: null });
    expect(quote.coupon).toMatchObject({ rejection: { code: 'BELOW_THRESHOLD', missing: 2000 } });
  });

  it('rejects a coupon that would take nothing off as NO_SAVING', () => {
    expect(rejectionOf(price([line(50)], coupon(percentOff(0, 1))))).toBe('NO_SAVING');
  });
});

describe('allocation', () => {
  const oneFen = (sku: string) => line(1, 1, { skuId: sku });

  it('splits 2 fen over three 1-fen lines by largest remainder, earlier lines first', () => {
    const quote = price([oneFen('a'), oneFen('b'), oneFen('c')], coupon(amountOff(0, 2)));
    expect(quote.lines.map((l) => l.couponDiscount)).toEqual([1, 1, 0]);
    expect(quote.lines.map((l) => l.payable)).toEqual([0, 0, 1]);
  });

  it('splits the discount in proportion to each line amount after group price', () => {
    const lines = [line(1000, 1, { groupUnitPrice: 500 }), line(1500, 1)];
    const quote = price(lines, coupon(amountOff(0, 400)));
    expect(quote.lines.map((l) => l.couponDiscount)).toEqual([100, 300]);
  });

  it('allocates exactly the whole discount when the shares are not whole fen', () => {
    const quote = price([line(333), line(333), line(334)], coupon(amountOff(0, 100)));
    expect(quote.lines.map((l) => l.couponDiscount)).toEqual([33, 33, 34]);
    expect(quote.couponDiscount).toBe(100);
  });
});

describe('shipping', () => {
  const shipping: ShippingRule = { fee: 1000, freeThreshold: 10000 };

  it('charges the fee below the free-shipping threshold', () => {
    expect(price([line(9999)], null, shipping)).toMatchObject({ shippingFee: 1000, payable: 10999 });
  });

  it('ships free at exactly the free-shipping threshold', () => {
    expect(price([line(10000)], null, shipping)).toMatchObject({ shippingFee: 0, payable: 10000 });
  });

  it('always charges the fee when there is no free-shipping threshold', () => {
    expect(price([line(1000000)], null, { fee: 1000, freeThreshold: null }).shippingFee).toBe(1000);
  });

  it('judges the free-shipping threshold after the group discount', () => {
    expect(price([line(12000, 1, { groupUnitPrice: 9000 })], null, shipping).shippingFee).toBe(1000);
  });

  it('judges the free-shipping threshold after the coupon discount', () => {
    const quote = price([line(12000)], coupon(amountOff(0, 2500)), shipping);
    expect(quote).toMatchObject({ couponDiscount: 2500, shippingFee: 1000, payable: 10500 });
    expect(quote.coupon).toEqual({ id: 'cp-1', applied: true, saving: 1500 });
  });
});

describe('payable', () => {
  it('equals the line payables plus shipping less the shipping discount', () => {
    const lines = [line(1999, 3, { groupUnitPrice: 1799 }), line(250, 4)];
    const quote = price(lines, coupon(percentOff(0, 15, 600)), { fee: 600, freeThreshold: 99900 });
    const linePayables = quote.lines.reduce((sum, l) => sum + l.payable, 0);
    expect(quote.payable).toBe(linePayables + quote.shippingFee - quote.shippingDiscount);
    // goods at group price 5397 + 1000, coupon capped at 600, shipping 600 charged and not waived
    expect(quote.payable).toBe(5397 + 1000 - 600 + 600);
  });

  it('prices an order with a rejected coupon exactly as without it', () => {
    const lines = [line(4000)];
    const { coupon: _rejected, ...withRejected } = price(lines, coupon(amountOff(5000, 500)));
    const { coupon: _none, ...without } = price(lines);
    expect(withRejected).toEqual(without);
  });

  it('refuses a coupon whose discount would bring back more shipping than it saves', () => {
    const quote = price([line(10500)], coupon(amountOff(0, 1000)), { fee: 1000, freeThreshold: 10000 });
    expect(rejectionOf(quote)).toBe('NO_SAVING');
    expect(quote).toMatchObject({ couponDiscount: 0, shippingFee: 0, payable: 10500 });
  });
});

describe('guards', () => {
  it.each<[string, PricingLine[]]>([
    ['a fractional unit price', [line(12.5)]],
    ['a negative unit price', [line(-1)]],
    ['a quantity of zero', [line(100, 0)]],
    ['a fractional quantity', [line(100, 1.5)]],
    ['a fractional group price', [line(100, 1, { groupUnitPrice: 50.5 })]],
    ['a group price above the unit price', [line(100, 1, { groupUnitPrice: 101 })]],
    ['no lines at all', []],
  ])('throws RangeError on %s', (_what, lines) => {
    expect(() => price(lines)).toThrow(RangeError);
  });

  it('throws RangeError on a negative shipping fee', () => {
    expect(() => price([line(100)], null, { fee: -1, freeThreshold: null })).toThrow(RangeError);
  });

  it('throws RangeError on a time without a zone, which phones and server would read differently', () => {
    expect(() => price([line(100)], null, NO_SHIPPING, '2025-06-01T12:00:00')).toThrow(RangeError);
  });

  it.each([0, 100, 8.5])('throws RangeError on a percent off of %p', (off) => {
    expect(() => price([line(100)], coupon(percentOff(0, off)))).toThrow(RangeError);
  });

  it('throws RangeError on a fractional coupon threshold', () => {
    expect(() => price([line(100)], coupon(amountOff(0.5, 10)))).toThrow(RangeError);
  });
});
