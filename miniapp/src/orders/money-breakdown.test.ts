import { moneyRows } from './money-breakdown';

const base = { itemsTotal: 6000, groupDiscount: 0, couponDiscount: 0, shippingFee: 800, shippingDiscount: 0, payable: 6800, refundedAmount: 0 };

describe('moneyRows', () => {
  it('shows goods, shipping and what was paid for a plain order', () => {
    expect(moneyRows(base).map((r) => [r.label, r.value])).toEqual([
      ['商品金额', '¥60.00'],
      ['运费', '¥8.00'],
      ['实付款', '¥68.00'],
    ]);
  });

  it('lists group and coupon savings as minus amounts, free shipping as 包邮, and the refund', () => {
    const rows = moneyRows({ ...base, groupDiscount: 2020, couponDiscount: 500, shippingDiscount: 800, payable: 3480, refundedAmount: 1740 });
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['商品金额', '¥60.00'],
      ['拼团优惠', '-¥20.20'],
      ['优惠券', '-¥5.00'],
      ['运费', '包邮'],
      ['实付款', '¥34.80'],
      ['已退款', '¥17.40'],
    ]);
  });
});
