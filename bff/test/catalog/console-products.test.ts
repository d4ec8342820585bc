import type { ConsoleProductDetail, ConsoleProductPage } from '@linli/shared/schemas/catalog-console';
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

async function consoleList(query: Record<string, string>): Promise<ConsoleProductPage> {
  const res = await app.inject({ method: 'GET', url: '/api/console/products', headers: shop.headers, query });
  if (res.statusCode !== 200) throw new Error(`console list failed: ${res.statusCode} ${res.body}`);
  return res.json<ConsoleProductPage>();
}

async function productCountIn(categoryId: string): Promise<number> {
  return (await consoleList({ categoryId, limit: '50' })).items.length;
}

describe('creating a product', () => {
  it('creates the product with all its SKUs and answers 201 with their codes and stock', async () => {
    const categoryId = await shop.createCategory();
    const body = shop.productBody(categoryId);
    const res = await shop.postProduct(body);
    expect(res.statusCode).toBe(201);
    const product = res.json<ConsoleProductDetail>();
    expect(product).toMatchObject({ categoryId, title: body.title, onShelf: true, salesCount: 0, specs: body.specs, images: body.images });
    expect(product.skus.map((s) => [s.code, s.stock]).sort()).toEqual(body.skus.map((s) => [s.code, 10]).sort());
  });

  it('writes nothing when one SKU cannot be stored (its code is already taken)', async () => {
    const categoryId = await shop.createCategory();
    const existing = await shop.createProduct(shop.productBody(await shop.createCategory()));
    const body = shop.productBody(categoryId);
    body.skus[3] = { ...body.skus[3]!, code: existing.skus[0]!.code };

    const res = await shop.postProduct(body);

    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SKU_CODE_TAKEN');
    expect(await productCountIn(categoryId)).toBe(0);
  });

  it('refuses the same SKU code twice in one product with 409 SKU_CODE_TAKEN', async () => {
    const body = shop.productBody(await shop.createCategory());
    body.skus[1] = { ...body.skus[1]!, code: body.skus[0]!.code };
    const res = await shop.postProduct(body);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SKU_CODE_TAKEN');
  });

  it('refuses a SKU whose spec value is not in the product’s list, saying which SKU', async () => {
    const categoryId = await shop.createCategory();
    const body = shop.productBody(categoryId);
    body.skus[1] = { ...body.skus[1]!, specs: { 颜色: '紫', 尺码: 'M' } };
    const res = await shop.postProduct(body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'INVALID_SPECS',
        message: '规格与商品不符',
        details: [{ path: 'body/skus/1/specs', message: '规格「颜色」没有「紫」这个值' }],
      },
    });
    expect(await productCountIn(categoryId)).toBe(0);
  });

  it('refuses a SKU that leaves out one of the product’s specs', async () => {
    const body = shop.productBody(await shop.createCategory());
    body.skus[0] = { ...body.skus[0]!, specs: { 颜色: '红' } };
    const res = await shop.postProduct(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body/skus/0/specs', message: '缺少规格「尺码」' }]);
  });

  it('refuses two SKUs for the same spec combination', async () => {
    const body = shop.productBody(await shop.createCategory());
    body.skus[3] = { ...body.skus[3]!, specs: { ...body.skus[0]!.specs } };
    const res = await shop.postProduct(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_SPECS');
  });

  it('refuses a spec name listed twice', async () => {
    const body = shop.productBody(await shop.createCategory());
    body.specs = [...body.specs, { name: '颜色', values: ['绿'] }];
    const res = await shop.postProduct(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_SPECS');
  });

  it('refuses a SKU priced above its list price with 400 INVALID_PRICE', async () => {
    const body = shop.productBody(await shop.createCategory());
    body.skus[2] = { ...body.skus[2]!, price: 3000, listPrice: 2999 };
    const res = await shop.postProduct(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_PRICE', details: [{ path: 'body/skus/2/listPrice', message: '划线价不能低于售价' }] });
  });

  it('refuses a zero price before anything else runs', async () => {
    const body = shop.productBody(await shop.createCategory());
    body.skus[0] = { ...body.skus[0]!, price: 0 };
    const res = await shop.postProduct(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an unknown category with 400 UNKNOWN_CATEGORY', async () => {
    const res = await shop.postProduct(shop.productBody('00000000-0000-4000-8000-000000000000'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNKNOWN_CATEGORY');
  });

  it('refuses fields it does not know, such as a hand-set sales count', async () => {
    const res = await shop.postProduct({ ...shop.productBody(await shop.createCategory()), salesCount: 9999 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses images that are not in the shop’s own media store', async () => {
    const body = shop.productBody(await shop.createCategory(), { images: ['https://evil.example/x.png'] });
    const res = await shop.postProduct(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('console product list and detail', () => {
  it('includes off-shelf products and filters by shelf state', async () => {
    const categoryId = await shop.createCategory();
    const on = await shop.createProduct(shop.productBody(categoryId));
    const off = await shop.createProduct(shop.productBody(categoryId, { onShelf: false }));
    expect((await consoleList({ categoryId })).items.map((p) => p.id)).toEqual([off.id, on.id]);
    expect((await consoleList({ categoryId, onShelf: 'false' })).items.map((p) => p.id)).toEqual([off.id]);
  });

  it('summarises each product’s SKUs: price range, total stock, SKU count', async () => {
    const categoryId = await shop.createCategory();
    await shop.createProduct(shop.productBody(categoryId));
    const [row] = (await consoleList({ categoryId })).items;
    expect(row).toMatchObject({ price: 1000, maxPrice: 1110, totalStock: 40, skuCount: 4, coverUrl: '/media/products/test-1.png' });
  });

  it('finds products by keyword and pages with a cursor', async () => {
    const categoryId = await shop.createCategory();
    for (let i = 0; i < 3; i++) await shop.createProduct(shop.productBody(categoryId, { title: `云南小粒咖啡 ${i}` }));
    const first = await consoleList({ categoryId, q: '小粒咖啡', limit: '2' });
    const second = await consoleList({ categoryId, q: '小粒咖啡', limit: '2', cursor: first.nextCursor ?? '' });
    expect([...first.items, ...second.items].map((p) => p.title)).toEqual(['云南小粒咖啡 2', '云南小粒咖啡 1', '云南小粒咖啡 0']);
    expect(second.nextCursor).toBeNull();
  });

  it('shows an off-shelf product’s detail to staff', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory(), { onShelf: false }));
    const res = await app.inject({ method: 'GET', url: `/api/console/products/${product.id}`, headers: shop.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json<ConsoleProductDetail>().onShelf).toBe(false);
  });

  it('answers 404 NOT_FOUND for an unknown product', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/console/products/00000000-0000-4000-8000-000000000000', headers: shop.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('editing a product', () => {
  function patch(id: string, payload: object) {
    return app.inject({ method: 'PATCH', url: `/api/console/products/${id}`, headers: shop.headers, payload });
  }

  it('changes the title and shows it to shoppers at once', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    await app.inject({ method: 'GET', url: `/api/products/${product.id}` });
    const res = await patch(product.id, { title: '改过的标题' });
    expect(res.json<ConsoleProductDetail>().title).toBe('改过的标题');
    expect((await app.inject({ method: 'GET', url: `/api/products/${product.id}` })).json().title).toBe('改过的标题');
  });

  it('accepts new spec lists that still cover every existing SKU', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    const specs = [
      { name: '颜色', values: ['红', '蓝', '绿'] },
      { name: '尺码', values: ['S', 'M'] },
    ];
    const res = await patch(product.id, { specs });
    expect(res.statusCode).toBe(200);
    expect(res.json<ConsoleProductDetail>().specs).toEqual(specs);
  });

  it('refuses new spec lists that would orphan an existing SKU', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    const res = await patch(product.id, { specs: [{ name: '颜色', values: ['红', '蓝'] }, { name: '尺码', values: ['S'] }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_SPECS');
  });

  it('refuses an empty edit', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    expect((await patch(product.id, {})).statusCode).toBe(400);
  });

  it('answers 404 for an unknown product', async () => {
    const res = await patch('00000000-0000-4000-8000-000000000000', { title: 'x' });
    expect(res.statusCode).toBe(404);
  });

  it('takes a product off the shelf and puts it back', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    expect((await shop.setShelf(product.id, false)).json<ConsoleProductDetail>().onShelf).toBe(false);
    expect((await shop.setShelf(product.id, true)).json<ConsoleProductDetail>().onShelf).toBe(true);
  });
});

describe('adding a SKU', () => {
  function addSku(productId: string, payload: object) {
    return app.inject({ method: 'POST', url: `/api/console/products/${productId}/skus`, headers: shop.headers, payload });
  }

  async function productWithRoomForGreen() {
    const body = shop.productBody(await shop.createCategory());
    body.specs = [{ name: '颜色', values: ['红', '蓝', '绿'] }, body.specs[1]!];
    return shop.createProduct(body);
  }

  it('adds a SKU for a combination the product does not have yet', async () => {
    const product = await productWithRoomForGreen();
    const res = await addSku(product.id, { code: `${product.id.slice(0, 8)}-green-s`, specs: { 颜色: '绿', 尺码: 'S' }, price: 990, listPrice: 990, stock: 3 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ specs: { 颜色: '绿', 尺码: 'S' }, price: 990, stock: 3 });
  });

  it('refuses a combination the product already has', async () => {
    const product = await productWithRoomForGreen();
    const res = await addSku(product.id, { code: `${product.id.slice(0, 8)}-red-s`, specs: { 颜色: '红', 尺码: 'S' }, price: 990, listPrice: 990 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_SPECS', details: [{ path: 'body/specs' }] });
  });

  it('refuses a code another SKU already has with 409 SKU_CODE_TAKEN', async () => {
    const product = await productWithRoomForGreen();
    const res = await addSku(product.id, { code: product.skus[0]!.code, specs: { 颜色: '绿', 尺码: 'M' }, price: 990, listPrice: 990 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SKU_CODE_TAKEN');
  });

  it('answers 404 for an unknown product', async () => {
    const res = await addSku('00000000-0000-4000-8000-000000000000', { code: 'nobody-1', specs: {}, price: 990, listPrice: 990 });
    expect(res.statusCode).toBe(404);
  });
});

describe('repricing a SKU', () => {
  function reprice(skuId: string, payload: object) {
    return app.inject({ method: 'PATCH', url: `/api/console/skus/${skuId}`, headers: shop.headers, payload });
  }

  it('changes price and list price together', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    const res = await reprice(product.skus[0]!.id, { price: 1500, listPrice: 2500 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ price: 1500, listPrice: 2500 });
  });

  it('checks a price-only change against the stored list price', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    const res = await reprice(product.skus[0]!.id, { price: 2001 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_PRICE');
  });

  it('refuses a list price below the price', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    const res = await reprice(product.skus[0]!.id, { listPrice: 999 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_PRICE', details: [{ path: 'body/listPrice', message: '划线价不能低于售价' }] });
  });

  it('answers 404 for an unknown SKU', async () => {
    const res = await reprice('00000000-0000-4000-8000-000000000000', { price: 100 });
    expect(res.statusCode).toBe(404);
  });
});

describe('categories in the console', () => {
  it('creates a category and lists it with its product count', async () => {
    const categoryId = await shop.createCategory('茶饮冲调');
    await shop.createProduct(shop.productBody(categoryId));
    const res = await app.inject({ method: 'GET', url: '/api/console/categories', headers: shop.headers });
    expect(res.json().items).toContainEqual({ id: categoryId, name: '茶饮冲调', sort: 0, productCount: 1 });
  });

  it('refuses a second category with the same name with 409 CATEGORY_NAME_TAKEN', async () => {
    await shop.createCategory('粮油米面');
    const res = await app.inject({ method: 'POST', url: '/api/console/categories', headers: shop.headers, payload: { name: '粮油米面' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CATEGORY_NAME_TAKEN');
  });

  it('renames and re-sorts a category', async () => {
    const categoryId = await shop.createCategory();
    const res = await app.inject({ method: 'PATCH', url: `/api/console/categories/${categoryId}`, headers: shop.headers, payload: { name: '新名字', sort: 7 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: categoryId, name: '新名字', sort: 7, productCount: 0 });
  });

  it('answers 404 when renaming an unknown category', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/api/console/categories/00000000-0000-4000-8000-000000000000', headers: shop.headers, payload: { sort: 1 } });
    expect(res.statusCode).toBe(404);
  });
});
