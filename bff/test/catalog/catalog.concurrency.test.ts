import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProductCard, ProductPage } from '@linli/shared/schemas/catalog';
import type { App } from '../../src/app';
import { demoProducts } from '../../src/modules/catalog/demo/demo-catalog';
import { seedDemoCatalog } from '../../src/modules/catalog/seed-demo';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';
import { staffSession } from '../sessions';
import { consoleCatalog } from './catalog-console-client';

describeOnPostgres('the catalog under concurrency on a real PostgreSQL server', () => {
  let app: App;
  let shop: ReturnType<typeof consoleCatalog>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await appOnFreshDatabase({ MEDIA_DIR: await mkdtemp(path.join(tmpdir(), 'linli-seed-')) }));
    shop = consoleCatalog(app, (await staffSession(app, 'owner')).token);
  });
  afterAll(async () => {
    await close?.();
  });

  it('seeds the demo shop exactly once when two instances start together', async () => {
    const results = await Promise.all([seedDemoCatalog(app), seedDemoCatalog(app)]);
    expect(results.filter((r) => r !== null)).toEqual([{ categories: expect.any(Number), products: demoProducts.length }]);
  });

  it('pages through every on-shelf product once, newest first', async () => {
    const seen: ProductCard[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = cursor ? { limit: '7', cursor } : { limit: '7' };
      const page: ProductPage = (await app.inject({ method: 'GET', url: '/api/products', query })).json<ProductPage>();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const onShelf = demoProducts.filter((p) => p.onShelf).map((p) => p.title);
    expect(seen.map((p) => p.title)).toEqual(onShelf);
  });

  it('never takes stock below zero when many removals race', async () => {
    const product = await shop.createProduct(shop.productBody(await shop.createCategory()));
    const skuId = product.skus[0]?.id ?? '';
    const results = await Promise.all(Array.from({ length: 25 }, () => shop.adjustStock(skuId, -1)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    expect(Math.min(...results.filter((r) => r.statusCode === 200).map((r) => r.json<{ stock: number }>().stock))).toBe(0);
  });

  it('adds one SKU when two staff add the same spec combination at once', async () => {
    const body = shop.productBody(await shop.createCategory());
    body.specs = [{ name: '颜色', values: ['红', '蓝', '绿'] }, body.specs[1] ?? { name: '尺码', values: ['S', 'M'] }];
    const product = await shop.createProduct(body);
    const add = (code: string) =>
      app.inject({
        method: 'POST',
        url: `/api/console/products/${product.id}/skus`,
        headers: shop.headers,
        payload: { code, specs: { 颜色: '绿', 尺码: 'S' }, price: 990, listPrice: 990 },
      });
    const results = await Promise.all([add(`${product.id.slice(0, 8)}-g1`), add(`${product.id.slice(0, 8)}-g2`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
  });
});
