import { priceRangeText, rowOf, shelfQuestion, skuLabel, stockText } from './product-view';

describe('priceRangeText', () => {
  it('shows one price when every SKU costs the same, the range otherwise', () => {
    expect(priceRangeText({ price: 1990, maxPrice: 1990, skuCount: 2 })).toBe('¥19.90');
    expect(priceRangeText({ price: 1990, maxPrice: 25900, skuCount: 4 })).toBe('¥19.90 – ¥259.00');
  });

  it('shows a dash for a product without SKUs', () => {
    expect(priceRangeText({ price: 0, maxPrice: 0, skuCount: 0 })).toBe('—');
  });
});

it('marks zero stock as 售罄', () => {
  expect(stockText(0)).toEqual({ text: '售罄', soldOut: true });
  expect(stockText(12)).toEqual({ text: '12', soldOut: false });
});

it('names a SKU by its values in spec order, or 默认', () => {
  const specs = [
    { name: '颜色', values: ['红'] },
    { name: '尺码', values: ['S'] },
  ];
  expect(skuLabel(specs, { 尺码: 'S', 颜色: '红' })).toBe('红 / S');
  expect(skuLabel([], {})).toBe('默认');
});

it('asks to take an on-shelf product down and to put an off-shelf one up', () => {
  expect(shelfQuestion('茶杯', true).title).toBe('下架「茶杯」？');
  expect(shelfQuestion('茶杯', false).title).toBe('上架「茶杯」？');
});

it('summarises a saved product as its list row: cover, price range, total stock', () => {
  const row = rowOf({
    id: 'p1',
    categoryId: 'c1',
    title: '茶杯',
    subtitle: '',
    detail: '',
    images: ['/media/uploads/cover.png', '/media/uploads/side.png'],
    specs: [{ name: '颜色', values: ['白', '青'] }],
    onShelf: false,
    salesCount: 2,
    skus: [
      { id: 's1', code: 'cup-1', specs: { 颜色: '白' }, price: 3900, listPrice: 4900, stock: 3 },
      { id: 's2', code: 'cup-2', specs: { 颜色: '青' }, price: 4500, listPrice: 4900, stock: 0 },
    ],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  });
  expect(row).toEqual({
    id: 'p1',
    categoryId: 'c1',
    title: '茶杯',
    coverUrl: '/media/uploads/cover.png',
    onShelf: false,
    salesCount: 2,
    price: 3900,
    maxPrice: 4500,
    totalStock: 3,
    skuCount: 2,
    updatedAt: '2025-01-02T00:00:00.000Z',
  });
});
