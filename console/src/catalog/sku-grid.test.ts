import { combinationCount, combinations, fillRows, maxSkus, newCodePrefix, regenerateRows, rowKey, type SkuRow } from './sku-grid';

const colours = { name: '颜色', values: ['红', '蓝'] };
const sizes = { name: '尺码', values: ['S', 'M', 'L'] };

describe('combinations', () => {
  it('lists every combination in spec-list order', () => {
    expect(combinations([colours, sizes])).toEqual([
      ['红', 'S'],
      ['红', 'M'],
      ['红', 'L'],
      ['蓝', 'S'],
      ['蓝', 'M'],
      ['蓝', 'L'],
    ]);
  });

  it('gives one empty combination for a product without specs, and ignores a spec with no values yet', () => {
    expect(combinations([])).toEqual([[]]);
    expect(combinations([colours, { name: '尺码', values: [] }])).toEqual([['红'], ['蓝']]);
  });

  it('counts without listing', () => {
    expect(combinationCount([colours, sizes])).toBe(6);
    expect(combinationCount([])).toBe(1);
  });
});

describe('regenerateRows', () => {
  it('makes one blank row per combination with consecutive codes', () => {
    const rows = regenerateRows([colours, sizes], [], 'P1');
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.code)).toEqual(['P1-1', 'P1-2', 'P1-3', 'P1-4', 'P1-5', 'P1-6']);
    expect(rows[0]).toMatchObject({ key: rowKey(['红', 'S']), id: null, price: '', listPrice: '', stock: '' });
  });

  it('keeps what was typed for combinations that remain when a value is added, and gives the new ones free codes', () => {
    const typed = regenerateRows([colours], [], 'P1').map((row): SkuRow => ({ ...row, price: '9.90' }));
    const rows = regenerateRows([{ name: '颜色', values: ['红', '蓝', '绿'] }], typed, 'P1');
    expect(rows.map((r) => [r.values[0], r.price, r.code])).toEqual([
      ['红', '9.90', 'P1-1'],
      ['蓝', '9.90', 'P1-2'],
      ['绿', '', 'P1-3'],
    ]);
  });

  it('keeps the rows when a spec is renamed, since a row is its values', () => {
    const typed = regenerateRows([colours], [], 'P1').map((row): SkuRow => ({ ...row, stock: '5' }));
    expect(regenerateRows([{ name: '颜色分类', values: ['红', '蓝'] }], typed, 'P1').map((r) => r.stock)).toEqual(['5', '5']);
  });

  it('numbers generated codes in grid order when a second spec reshapes the grid', () => {
    const colourOnly = regenerateRows([colours], [], 'P1');
    const withSizes = regenerateRows([colours, { name: '尺码', values: ['S'] }], colourOnly, 'P1');
    const rows = regenerateRows([colours, { name: '尺码', values: ['S', 'M'] }], withSizes, 'P1');
    expect(rows.map((r) => r.code)).toEqual(['P1-1', 'P1-2', 'P1-3', 'P1-4']);
  });

  it('keeps a code staff typed and a saved row’s code, and numbers around them', () => {
    const first = regenerateRows([colours], [], 'P1').map((row, i): SkuRow => (i === 0 ? { ...row, id: 'saved', code: 'P1-2' } : { ...row, code: 'BLUE' }));
    const rows = regenerateRows([{ name: '颜色', values: ['红', '蓝', '绿', '白'] }], first, 'P1');
    expect(rows.map((r) => r.code)).toEqual(['P1-2', 'BLUE', 'P1-1', 'P1-3']);
  });

  it('leaves the grid as it was when the specs would make more SKUs than allowed', () => {
    const before = regenerateRows([colours], [], 'P1');
    const many = Array.from({ length: 3 }, (_, i) => ({ name: `规格${i}`, values: Array.from({ length: 10 }, (__, v) => `${v}`) }));
    expect(10 ** 3).toBeGreaterThan(maxSkus);
    expect(regenerateRows(many, before, 'P1')).toEqual(before);
  });
});

describe('newCodePrefix', () => {
  it('is P and six characters a SKU code may hold', () => {
    expect(newCodePrefix(() => 0.5)).toMatch(/^P[0-9A-Z]{6}$/);
    expect(newCodePrefix(() => 0.999999)).toBe('PZZZZZZ');
  });
});

describe('fillRows', () => {
  it('fills prices into every row and stock only into rows not saved yet, leaving blank fill fields alone', () => {
    const rows: SkuRow[] = [
      { key: '["红"]', values: ['红'], id: 'saved', code: 'A-1', price: '10.00', listPrice: '', stock: '7' },
      { key: '["蓝"]', values: ['蓝'], id: null, code: 'A-2', price: '', listPrice: '20', stock: '' },
    ];
    const filled = fillRows(rows, { price: ' 12.5 ', listPrice: '', stock: '100' });
    expect(filled.map((r) => [r.price, r.listPrice, r.stock])).toEqual([
      ['12.5', '', '7'],
      ['12.5', '20', '100'],
    ]);
  });
});
