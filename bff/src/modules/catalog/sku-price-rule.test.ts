import { skuPriceProblem } from './sku-price-rule';

describe('skuPriceProblem', () => {
  it('accepts a price equal to the list price', () => {
    expect(skuPriceProblem(1990, 1990)).toBeNull();
  });

  it('rejects a zero price', () => {
    expect(skuPriceProblem(0, 100)).toBe('售价必须是大于 0 的整数（分）');
  });

  it('rejects a list price below the price', () => {
    expect(skuPriceProblem(2000, 1990)).toBe('划线价不能低于售价');
  });
});
