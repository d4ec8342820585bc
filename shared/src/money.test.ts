import { assertFen, fenToYuanText, formatFen, parseYuanToFen } from './money';

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

describe('parseYuanToFen', () => {
  it('reads typed yuan as exact fen, without float error', () => {
    expect(parseYuanToFen('12.3')).toBe(1230);
    expect(parseYuanToFen('0.05')).toBe(5);
    expect(parseYuanToFen('19.99')).toBe(1999);
    expect(parseYuanToFen('1.1')).toBe(110);
    expect(parseYuanToFen(' ¥99 ')).toBe(9900);
    expect(parseYuanToFen('0')).toBe(0);
  });

  it('refuses what is not an amount of at most two decimals', () => {
    for (const text of ['', '-1', '1.234', '1e3', 'abc', '1.', '.5', '1,299', '¥', '9'.repeat(20)]) {
      expect(parseYuanToFen(text)).toBeNull();
    }
  });

  it('gives back the fen it was shown with', () => {
    for (const fen of [0, 5, 1230, 129900]) expect(parseYuanToFen(fenToYuanText(fen))).toBe(fen);
  });
});
