import { checkSkuSpecs, checkSpecDefinitions, orderSkusBySpecs } from './spec-rules';

const shirt = [
  { name: '颜色', values: ['红', '蓝'] },
  { name: '尺码', values: ['S', 'M', 'L'] },
];

describe('checkSpecDefinitions', () => {
  it('accepts distinct names with distinct values', () => {
    expect(checkSpecDefinitions(shirt)).toEqual([]);
  });

  it('rejects a spec name used twice', () => {
    const problems = checkSpecDefinitions([...shirt, { name: '颜色', values: ['绿'] }]);
    expect(problems).toEqual([{ path: 'body/specs', message: '规格「颜色」重复' }]);
  });

  it('rejects a value listed twice within one spec', () => {
    const problems = checkSpecDefinitions([{ name: '尺码', values: ['S', 'S'] }]);
    expect(problems.map((p) => p.path)).toEqual(['body/specs/0/values']);
  });
});

describe('checkSkuSpecs', () => {
  it('accepts SKUs that name every spec with a listed value', () => {
    const skus = [{ specs: { 颜色: '红', 尺码: 'S' } }, { specs: { 尺码: 'M', 颜色: '蓝' } }];
    expect(checkSkuSpecs(shirt, skus)).toEqual([]);
  });

  it('rejects a SKU missing one of the product specs', () => {
    const problems = checkSkuSpecs(shirt, [{ specs: { 颜色: '红' } }]);
    expect(problems).toEqual([{ path: 'body/skus/0/specs', message: '缺少规格「尺码」' }]);
  });

  it('rejects a spec the product does not have', () => {
    const problems = checkSkuSpecs(shirt, [{ specs: { 颜色: '红', 尺码: 'S', 重量: '1kg' } }]);
    expect(problems).toEqual([{ path: 'body/skus/0/specs', message: '商品没有「重量」这个规格' }]);
  });

  it('rejects a value that is not in the spec list', () => {
    const problems = checkSkuSpecs(shirt, [{ specs: { 颜色: '紫', 尺码: 'S' } }]);
    expect(problems[0]?.message).toBe('规格「颜色」没有「紫」这个值');
  });

  it('rejects two SKUs for the same combination, pointing at the second', () => {
    const skus = [{ specs: { 颜色: '红', 尺码: 'S' } }, { specs: { 尺码: 'S', 颜色: '红' } }];
    expect(checkSkuSpecs(shirt, skus).map((p) => p.path)).toEqual(['body/skus/1/specs']);
  });

  it('rejects a new SKU whose combination the product already has', () => {
    const problems = checkSkuSpecs(shirt, [{ specs: { 颜色: '蓝', 尺码: 'L' } }], {
      existing: [{ specs: { 颜色: '蓝', 尺码: 'L' } }],
      pathOf: () => 'body/specs',
    });
    expect(problems).toEqual([{ path: 'body/specs', message: '规格组合 颜色:蓝 / 尺码:L 已有 SKU' }]);
  });

  it('allows exactly one SKU with no specs for a product without specs', () => {
    expect(checkSkuSpecs([], [{ specs: {} }])).toEqual([]);
    expect(checkSkuSpecs([], [{ specs: {} }, { specs: {} }])).toHaveLength(1);
  });
});

describe('orderSkusBySpecs', () => {
  it('orders SKUs by the position of their values in the spec lists', () => {
    const skus = [
      { id: 'blue-s', specs: { 颜色: '蓝', 尺码: 'S' } },
      { id: 'red-l', specs: { 颜色: '红', 尺码: 'L' } },
      { id: 'red-s', specs: { 颜色: '红', 尺码: 'S' } },
    ];
    expect(orderSkusBySpecs(shirt, skus).map((s) => s.id)).toEqual(['red-s', 'red-l', 'blue-s']);
  });
});
