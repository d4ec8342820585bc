import { refundForUnits } from './refund-amount';

describe('refundForUnits', () => {
  const line = { payable: 1000, quantity: 3, refundedQuantity: 0, refundedAmount: 0 };

  it('refunds a line unit by unit to exactly its payable', () => {
    const first = refundForUnits(line, 1);
    const second = refundForUnits({ ...line, refundedQuantity: 1, refundedAmount: first }, 1);
    const third = refundForUnits({ ...line, refundedQuantity: 2, refundedAmount: first + second }, 1);
    expect([first, second, third]).toEqual([333, 333, 334]);
    expect(first + second + third).toBe(1000);
  });

  it('refunds the whole line at once for its payable', () => {
    expect(refundForUnits(line, 3)).toBe(1000);
  });

  it('refuses more units than remain', () => {
    expect(() => refundForUnits({ ...line, refundedQuantity: 2, refundedAmount: 666 }, 2)).toThrow(RangeError);
  });
});
