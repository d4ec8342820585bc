import { bpToPercentText, formatRate, percentTextToBp, rateBounds, rateProblem } from './rate-percent';

describe('percent typed by staff ↔ basis points on the wire', () => {
  it.each([
    ['10', 1000],
    ['12.5', 1250],
    ['12.50%', 1250],
    ['0.01', 1],
    ['0', 0],
    [' 3 ', 300],
    ['50', 5000],
    // 0.29 × 100 is 28.999999999999996 in floating point: read as digits it is exactly 29
    ['0.29', 29],
    ['33.33', 3333],
  ])('reads %p as %p bp', (text, bp) => {
    expect(percentTextToBp(text)).toBe(bp);
  });

  it.each(['', '12.345', '-1', '1e2', '12,5', 'abc', '.5', '1234'])('refuses %p', (text) => {
    expect(percentTextToBp(text)).toBeNull();
  });

  it.each([
    [1000, '10'],
    [1250, '12.5'],
    [1, '0.01'],
    [0, '0'],
    [3333, '33.33'],
    [5000, '50'],
  ])('writes %p bp back as %p', (bp, text) => {
    expect(bpToPercentText(bp)).toBe(text);
    expect(percentTextToBp(bpToPercentText(bp))).toBe(bp);
  });

  it('shows a rate with its percent sign', () => {
    expect(formatRate(1250)).toBe('12.5%');
  });
});

describe('which rates the BFF takes', () => {
  it('takes the bounds of the schema: 0% to 50% per level', () => {
    expect(rateBounds).toEqual({ min: 0, max: 5000 });
  });

  it('says what is wrong with a rate', () => {
    expect(rateProblem('120')).toBe('单级佣金比例不能超过 50%');
    expect(rateProblem('50.01')).toBe('单级佣金比例不能超过 50%');
    expect(rateProblem('12.345')).toBe('请填写百分比数字，最多两位小数，如 12.5');
    expect(rateProblem(' ')).toBe('请填写佣金比例');
    expect(rateProblem('50')).toBeNull();
    expect(rateProblem('0')).toBeNull();
  });
});
