import type { ProductCard, ProductDetail, ProductPage } from '@linli/shared/schemas/catalog';
import type { App } from '../../src/app';
import { buildTestApp } from '../helper';
import { staffSession } from '../sessions';
import { consoleCatalog } from './catalog-console-client';

let app: App;
let shop: ReturnType<typeof consoleCatalog>;
beforeAll(async () => {
  app = await buildTestApp();
  shop = consoleCatalog(app, (await staffSession(app, 'owner')).token);
});
afterAll(async () => {
  await app.close();
});

async function listProducts(query: Record<string, string | number>): Promise<ProductPage> {
  const res = await app.inject({ method: 'GET', url: '/api/products', query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
  if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body}`);
  return res.json<ProductPage>();
}

async function allPages(query: Record<string, string | number>): Promise<ProductCard[]> {
  const items: ProductCard[] = [];
  let cursor: string | null = null;
  do {
    const page: ProductPage = await listProducts(cursor ? { ...query, cursor } : query);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('shopper product list', () => {
  it('pages through a category newest first with no duplicates and no gaps', async () => {
    const categoryId = await shop.createCategory();
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await shop.createProduct(shop.productBody(categoryId))).id);

    const seen = await allPages({ categoryId, limit: 3 });

    expect(seen.map((p) => p.id)).toEqual([...created].reverse());
  });

  it('says there is no next page when the last page is exactly full', async () => {
    const categoryId = await shop.createCategory();
    for (let i = 0; i < 2; i++) await shop.createProduct(shop.productBody(categoryId));
    const page = await listProducts({ categoryId, limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeNull();
  });

  it('shows only the products of the chosen category', async () => {
    const fruit = await shop.createCategory();
    const tea = await shop.createCategory();
    const mango = await shop.createProduct(shop.productBody(fruit));
    await shop.createProduct(shop.productBody(tea));
    const page = await listProducts({ categoryId: fruit });
    expect(page.items.map((p) => p.id)).toEqual([mango.id]);
  });

  it('finds a Chinese product by a substring of its title', async () => {
    const categoryId = await shop.createCategory();
    const mango = await shop.createProduct(shop.productBody(categoryId, { title: '海南贵妃芒果 5 斤装' }));
    await shop.createProduct(shop.productBody(categoryId, { title: '赣南脐橙' }));
    const page = await listProducts({ categoryId, q: '芒果' });
    expect(page.items.map((p) => p.id)).toEqual([mango.id]);
  });

  it('finds a product by a substring of its subtitle', async () => {
    const categoryId = await shop.createCategory();
    const tea = await shop.createProduct(shop.productBody(categoryId, { title: '明前龙井', subtitle: '西湖产区 头采' }));
    const page = await listProducts({ categoryId, q: '头采' });
    expect(page.items.map((p) => p.id)).toEqual([tea.id]);
  });

  it('matches % and _ in the keyword literally, not as wildcards', async () => {
    const categoryId = await shop.createCategory();
    const juice = await shop.createProduct(shop.productBody(categoryId, { title: '100% 纯果汁' }));
    await shop.createProduct(shop.productBody(categoryId, { title: '100 克坚果' }));
    await shop.createProduct(shop.productBody(categoryId, { title: '1_0 纪念版' }));
    expect((await listProducts({ categoryId, q: '100%' })).items.map((p) => p.id)).toEqual([juice.id]);
    expect((await listProducts({ categoryId, q: '%' })).items.map((p) => p.id)).toEqual([juice.id]);
    expect((await listProducts({ categoryId, q: '_' })).items).toHaveLength(1);
  });

  it('hides off-shelf products from shoppers', async () => {
    const categoryId = await shop.createCategory();
    const shown = await shop.createProduct(shop.productBody(categoryId));
    await shop.createProduct(shop.productBody(categoryId, { onShelf: false }));
    const pulled = await shop.createProduct(shop.productBody(categoryId));
    await shop.setShelf(pulled.id, false);
    expect((await listProducts({ categoryId })).items.map((p) => p.id)).toEqual([shown.id]);
  });

  it('shows the cheapest SKU’s price with that SKU’s list price, and the cover image', async () => {
    const categoryId = await shop.createCategory();
    const body = shop.productBody(categoryId);
    body.skus = body.skus.map((s, i) => ({ ...s, price: [3000, 1500, 1500, 2000][i]!, listPrice: [3500, 1900, 1800, 2000][i]! }));
    const product = await shop.createProduct(body);
    const [card] = (await listProducts({ categoryId })).items;
    expect(card).toEqual({
      id: product.id,
      categoryId,
      title: body.title,
      subtitle: '副标题',
      coverUrl: '/media/products/test-1.png',
      price: 1500,
      listPrice: 1800,
      salesCount: 0,
      soldOut: false,
    });
  });

  it('marks a product sold out when none of its SKUs has stock', async () => {
    const categoryId = await shop.createCategory();
    const body = shop.productBody(categoryId);
    body.skus = body.skus.map((s) => ({ ...s, stock: 0 }));
    await shop.createProduct(body);
    const [card] = (await listProducts({ categoryId })).items;
    expect(card?.soldOut).toBe(true);
  });

  it('is not sold out while any one SKU has stock', async () => {
    const categoryId = await shop.createCategory();
    const body = shop.productBody(categoryId);
    body.skus = body.skus.map((s, i) => ({ ...s, stock: i === 3 ? 1 : 0 }));
    await shop.createProduct(body);
    const [card] = (await listProducts({ categoryId })).items;
    expect(card?.soldOut).toBe(false);
  });

  it('rejects a cursor it did not issue with 400 INVALID_CURSOR', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/products', query: { cursor: 'bm90LWEtY3Vyc29y' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_CURSOR');
  });

  it('rejects an unknown query parameter with the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/products', query: { sort: 'price' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('shopper product detail', () => {
  it('returns the product with its SKUs in spec order and without merchant SKU codes', async () => {
    const categoryId = await shop.createCategory();
    const body = shop.productBody(categoryId);
    const product = await shop.createProduct({ ...body, skus: [...body.skus].reverse() });
    const res = await app.inject({ method: 'GET', url: `/api/products/${product.id}` });
    expect(res.statusCode).toBe(200);
    const detail = res.json<ProductDetail>();
    expect(detail.skus.map((s) => s.specs)).toEqual([
      { 颜色: '红', 尺码: 'S' },
      { 颜色: '红', 尺码: 'M' },
      { 颜色: '蓝', 尺码: 'S' },
      { 颜色: '蓝', 尺码: 'M' },
    ]);
    expect(detail.skus[0]).not.toHaveProperty('code');
    expect(detail).toMatchObject({ price: 1000, listPrice: 2000, images: body.images, specs: body.specs, detail: '详情', onShelf: true });
  });

  it('answers 404 NOT_FOUND for an off-shelf product', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory(), { onShelf: false }));
    const res = await app.inject({ method: 'GET', url: `/api/products/${product.id}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 404 NOT_FOUND for an unknown product', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/products/00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('stops showing a product as soon as staff take it off the shelf', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    expect((await app.inject({ method: 'GET', url: `/api/products/${product.id}` })).statusCode).toBe(200);
    await shop.setShelf(product.id, false);
    expect((await app.inject({ method: 'GET', url: `/api/products/${product.id}` })).statusCode).toBe(404);
  });

  it('shows a stock adjustment on the next read', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    await app.inject({ method: 'GET', url: `/api/products/${product.id}` });
    await shop.adjustStock(product.skus[0]!.id, 5);
    const detail = (await app.inject({ method: 'GET', url: `/api/products/${product.id}` })).json<ProductDetail>();
    expect(detail.skus.find((s) => s.id === product.skus[0]!.id)?.stock).toBe(15);
  });
});

describe('shopper categories', () => {
  it('lists categories by their sort order', async () => {
    await app.inject({ method: 'POST', url: '/api/console/categories', headers: shop.headers, payload: { name: '排最后', sort: 9000 } });
    await app.inject({ method: 'POST', url: '/api/console/categories', headers: shop.headers, payload: { name: '排最前', sort: -9000 } });
    const res = await app.inject({ method: 'GET', url: '/api/categories' });
    const names = res.json<{ items: Array<{ name: string }> }>().items.map((c) => c.name);
    expect(names[0]).toBe('排最前');
    expect(names.at(-1)).toBe('排最后');
  });
});
