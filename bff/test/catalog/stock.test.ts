import type { ConsoleProductDetail } from '@linli/shared/schemas/catalog-console';
import type { App } from '../../src/app';
import { buildTestApp } from '../helper';
import { staffSession } from '../sessions';
import { consoleCatalog } from './catalog-console-client';

let app: App;
let shop: ReturnType<typeof consoleCatalog>;
let productId: string;
let skuId: string;
beforeAll(async () => {
  app = await buildTestApp();
  shop = consoleCatalog(app, (await staffSession(app, 'owner')).token);
});
beforeEach(async () => {
  const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
  productId = product.id;
  skuId = product.skus[0]!.id;
});
afterAll(async () => {
  await app.close();
});

async function stockNow(): Promise<number | undefined> {
  const res = await app.inject({ method: 'GET', url: `/api/console/products/${productId}`, headers: shop.headers });
  return res.json<ConsoleProductDetail>().skus.find((s) => s.id === skuId)?.stock;
}

describe('stock adjustment', () => {
  it('adds incoming stock and answers the new level', async () => {
    const res = await shop.adjustStock(skuId, 25);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ skuId, stock: 35 });
  });

  it('removes stock down to exactly zero', async () => {
    const res = await shop.adjustStock(skuId, -10);
    expect(res.json()).toEqual({ skuId, stock: 0 });
  });

  it('refuses to take stock below zero with 409 STOCK_WOULD_GO_NEGATIVE and changes nothing', async () => {
    const res = await shop.adjustStock(skuId, -11);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('STOCK_WOULD_GO_NEGATIVE');
    expect(await stockNow()).toBe(10);
  });

  it('refuses a zero adjustment', async () => {
    const res = await shop.adjustStock(skuId, 0);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 for an unknown SKU', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/console/skus/00000000-0000-4000-8000-000000000000/stock',
      headers: shop.headers,
      payload: { delta: 5 },
    });
    expect(res.statusCode).toBe(404);
  });
});
