import { demoCategories, demoProducts } from './demo-catalog';

const allSkus = demoProducts.flatMap((product) => product.skus);
const han = /\p{Script=Han}/u;

describe('demo catalog', () => {
  it('has five or six categories with unique slugs and Chinese names', () => {
    expect(demoCategories.length).toBeGreaterThanOrEqual(5);
    expect(demoCategories.length).toBeLessThanOrEqual(6);
    expect(new Set(demoCategories.map((c) => c.slug)).size).toBe(demoCategories.length);
    for (const category of demoCategories) expect(category.name).toMatch(han);
  });

  it('has at least 36 products, and every category has some', () => {
    expect(demoProducts.length).toBeGreaterThanOrEqual(36);
    const used = new Set(demoProducts.map((p) => p.categorySlug));
    expect([...used].sort()).toEqual(demoCategories.map((c) => c.slug).sort());
  });

  it('gives every product a unique ascii slug', () => {
    const slugs = demoProducts.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every SKU a code unique across the whole catalog', () => {
    expect(new Set(allSkus.map((s) => s.code)).size).toBe(allSkus.length);
  });

  it('writes titles, subtitles and a 2–4 paragraph detail in Chinese', () => {
    for (const product of demoProducts) {
      expect(product.title).toMatch(han);
      expect(product.subtitle).toMatch(han);
      const paragraphs = product.detail.split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(2);
      expect(paragraphs.length).toBeLessThanOrEqual(4);
      for (const paragraph of paragraphs) expect(paragraph).toMatch(han);
    }
  });

  it('gives every product one or two specs of two to four values', () => {
    for (const product of demoProducts) {
      expect(product.specs.length).toBeGreaterThanOrEqual(1);
      expect(product.specs.length).toBeLessThanOrEqual(2);
      for (const spec of product.specs) {
        expect(spec.values.length).toBeGreaterThanOrEqual(2);
        expect(spec.values.length).toBeLessThanOrEqual(4);
        expect(new Set(spec.values).size).toBe(spec.values.length);
      }
    }
  });

  it('names exactly the product’s specs in each SKU, with values from their lists', () => {
    for (const product of demoProducts) {
      const names = product.specs.map((s) => s.name).sort();
      for (const sku of product.skus) {
        expect(Object.keys(sku.specs).sort()).toEqual(names);
        for (const spec of product.specs) expect(spec.values).toContain(sku.specs[spec.name]);
      }
    }
  });

  it('has exactly one SKU for every combination of spec values', () => {
    for (const product of demoProducts) {
      const combinations = product.specs.reduce((n, spec) => n * spec.values.length, 1);
      const keys = product.skus.map((sku) => product.specs.map((spec) => sku.specs[spec.name]).join('|'));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBe(combinations);
    }
  });

  it('prices every SKU in whole fen between ¥9.90 and ¥399, never above its list price', () => {
    for (const sku of allSkus) {
      expect(Number.isInteger(sku.price)).toBe(true);
      expect(Number.isInteger(sku.listPrice)).toBe(true);
      expect(sku.price).toBeGreaterThanOrEqual(990);
      expect(sku.listPrice).toBeGreaterThanOrEqual(sku.price);
      expect(sku.listPrice).toBeLessThanOrEqual(39900);
    }
  });

  it('stocks every SKU with a whole number from 0 to 500', () => {
    for (const sku of allSkus) {
      expect(Number.isInteger(sku.stock)).toBe(true);
      expect(sku.stock).toBeGreaterThanOrEqual(0);
      expect(sku.stock).toBeLessThanOrEqual(500);
    }
  });

  it('includes sold-out SKUs and an off-shelf product, so those states show in the demo', () => {
    expect(allSkus.filter((s) => s.stock === 0).length).toBeGreaterThanOrEqual(2);
    expect(demoProducts.filter((p) => !p.onShelf).length).toBeGreaterThanOrEqual(1);
  });

  it('claims no sales: every product starts at 0', () => {
    for (const product of demoProducts) expect(product.salesCount).toBe(0);
  });

  it('gives every product one to three images in a valid hue', () => {
    for (const product of demoProducts) {
      expect([1, 2, 3]).toContain(product.imageCount);
      expect(product.image.hue).toBeGreaterThanOrEqual(0);
      expect(product.image.hue).toBeLessThan(360);
    }
  });
});
