import { assertFen, formatFen } from './money';

describe('formatFen', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(formatFen(1234)).toBe('¥12.34');
  });

  it('pads amounts under one yuan', () => {
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
  });

  it('puts the minus sign before the currency sign', () => {
    expect(formatFen(-50)).toBe('-¥0.50');
  });

  it('shows large amounts without losing a fen', () => {
    expect(formatFen(123456789)).toBe('¥1234567.89');
  });

  it('refuses a fractional amount', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError);
  });
});

describe('assertFen', () => {
  it('accepts zero and positive integers', () => {
    expect(() => assertFen(0)).not.toThrow();
    expect(() => assertFen(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '100', null])('rejects %p', (value) => {
    expect(() => assertFen(value)).toThrow(RangeError);
  });

  it('names the amount in its message', () => {
    expect(() => assertFen(-1, 'shipping.fee')).toThrow(/shipping\.fee/);
  });
});
