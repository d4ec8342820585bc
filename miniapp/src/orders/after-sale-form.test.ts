import { clampQuantity, detailLimit, emptyAfterSaleForm, REASON_MAX, reasonText, refundableQuantity, validateAfterSale } from './after-sale-form';

const lines = [
  { id: 'l1', quantity: 3, refundedQuantity: 1 },
  { id: 'l2', quantity: 1, refundedQuantity: 0 },
];

describe('after-sale quantities', () => {
  it('lets a line refund only what was bought and not yet refunded', () => {
    expect(refundableQuantity(lines[0]!)).toBe(2);
    expect(clampQuantity(lines[0]!, 5)).toBe(2);
    expect(clampQuantity(lines[0]!, -1)).toBe(0);
    expect(clampQuantity(lines[0]!, 1.7)).toBe(1);
  });
});

describe('validateAfterSale', () => {
  it('asks back the whole order with the picked reason', () => {
    const result = validateAfterSale({ ...emptyAfterSaleForm(), reason: '不想要了' }, lines);
    expect(result).toEqual({ ok: true, body: { reason: '不想要了' } });
  });

  it('sends only the chosen lines and quantities, and the shopper’s words after the reason', () => {
    const form = { scope: 'lines' as const, quantities: { l1: 2, l2: 0 }, reason: '商品破损', detail: ' 外盒压坏 ' };
    expect(validateAfterSale(form, lines)).toEqual({ ok: true, body: { reason: '商品破损：外盒压坏', lines: [{ orderLineId: 'l1', quantity: 2 }] } });
  });

  it('needs a line, a reason, and words when the reason is 其他', () => {
    const result = validateAfterSale({ scope: 'lines', quantities: {}, reason: '其他', detail: '' }, lines);
    expect(result).toEqual({ ok: false, errors: { lines: '请选择要退款的商品和数量', detail: '请写下具体原因' } });
    expect(validateAfterSale(emptyAfterSaleForm(), lines)).toEqual({ ok: false, errors: { reason: '请选择售后原因' } });
  });

  it('refuses more units than a line can still refund', () => {
    const result = validateAfterSale({ scope: 'lines', quantities: { l1: 3 }, reason: '不想要了', detail: '' }, lines);
    expect(result).toEqual({ ok: false, errors: { lines: '最多可退 2 件' } });
  });

  it('refuses a whole-order request when everything is already refunded', () => {
    const done = [{ id: 'l1', quantity: 1, refundedQuantity: 1 }];
    expect(validateAfterSale({ ...emptyAfterSaleForm(), reason: '不想要了' }, done)).toEqual({ ok: false, errors: { lines: '该订单已全部退款' } });
  });

  it('keeps the whole reason within the BFF’s 200 characters', () => {
    const limit = detailLimit('质量问题');
    expect(reasonText({ reason: '质量问题', detail: 'a'.repeat(limit) })).toHaveLength(REASON_MAX);
    const tooLong = validateAfterSale({ ...emptyAfterSaleForm(), reason: '质量问题', detail: 'a'.repeat(limit + 1) }, lines);
    expect(tooLong).toEqual({ ok: false, errors: { detail: `具体原因最多 ${limit} 字` } });
  });
});
