import { skuPriceProblem } from './sku-price-rule';

describe('skuPriceProblem', () => {
  it('accepts a price equal to the list price', () => {
    expect(skuPriceProblem(1990, 1990)).toBeNull();
  });

  it('rejects a zero price, naming the price', () => {
    expect(skuPriceProblem(0, 100)).toEqual({ field: 'price', message: '售价必须大于 0' });
  });

  it('rejects a list price below the price, naming the list price', () => {
    expect(skuPriceProblem(2000, 1990)).toEqual({ field: 'listPrice', message: '划线价不能低于售价' });
  });
});
