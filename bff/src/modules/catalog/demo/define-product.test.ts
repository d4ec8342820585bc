import { defineProduct } from './define-product';
import type { ProductDraft } from './define-product';

const draft: ProductDraft = {
  slug: 'tea-sample',
  categorySlug: 'snacks',
  title: '试饮装绿茶',
  subtitle: '明前采摘',
  detail: ['第一段。', '第二段。'],
  onShelf: true,
  specs: [
    { name: '口味', values: ['龙井', '碧螺春'] },
    { name: '规格', values: ['50g', '100g'] },
  ],
  skus: [
    [['龙井', '50g'], 2990, 3990, 10],
    [['碧螺春', '100g'], 4990, 5990, 0],
  ],
  image: { hue: 120, motif: 'leaf' },
  imageCount: 1,
};

describe('defineProduct', () => {
  it('names each SKU value by its spec and codes SKUs by slug and position', () => {
    const product = defineProduct(draft);
    expect(product.skus).toEqual([
      { code: 'tea-sample-1', specs: { 口味: '龙井', 规格: '50g' }, price: 2990, listPrice: 3990, stock: 10 },
      { code: 'tea-sample-2', specs: { 口味: '碧螺春', 规格: '100g' }, price: 4990, listPrice: 5990, stock: 0 },
    ]);
  });

  it('joins detail paragraphs with a blank line and starts sales at 0', () => {
    const product = defineProduct(draft);
    expect(product.detail).toBe('第一段。\n\n第二段。');
    expect(product.salesCount).toBe(0);
  });

  it('rejects a SKU row whose value count differs from the number of specs', () => {
    expect(() => defineProduct({ ...draft, skus: [[['龙井'], 2990, 3990, 10]] })).toThrow(/tea-sample: SKU 1/);
  });
});
