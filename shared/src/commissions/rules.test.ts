import { commissionForLine, commissionRemaining } from './rules';

describe('commissionForLine', () => {
  it('takes the rate in basis points of what the line paid, rounded down', () => {
    expect(commissionForLine(3999, 1000)).toBe(399);
    expect(commissionForLine(12_345, 250)).toBe(308);
    expect(commissionForLine(10_000, 10_000)).toBe(10_000);
  });

  it('earns nothing on a zero rate or a line that paid nothing', () => {
    expect(commissionForLine(5000, 0)).toBe(0);
    expect(commissionForLine(0, 1000)).toBe(0);
  });

  it('refuses rates outside 0..10000 bp and fractional money', () => {
    expect(() => commissionForLine(100, 10_001)).toThrow(RangeError);
    expect(() => commissionForLine(100, -1)).toThrow(RangeError);
    expect(() => commissionForLine(10.5, 100)).toThrow(RangeError);
  });
});

describe('commissionRemaining', () => {
  it('keeps the unrefunded share of the line, rounded down', () => {
    expect(commissionRemaining(399, { payable: 3999, refundedAmount: 1333 })).toBe(266);
    expect(commissionRemaining(100, { payable: 300, refundedAmount: 100 })).toBe(66);
  });

  it('keeps everything before a refund and nothing after the whole line is refunded', () => {
    expect(commissionRemaining(399, { payable: 3999, refundedAmount: 0 })).toBe(399);
    expect(commissionRemaining(399, { payable: 3999, refundedAmount: 3999 })).toBe(0);
  });

  it('refuses a refund larger than the line', () => {
    expect(() => commissionRemaining(10, { payable: 100, refundedAmount: 101 })).toThrow(RangeError);
  });
});
