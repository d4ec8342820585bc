import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProductDetail, ProductPage } from '@linli/shared/schemas/catalog';
import type { App } from '../../src/app';
import { seedDemoCatalog } from '../../src/modules/catalog/seed-demo';
import { buildTestApp } from '../helper';
import { staffSession } from '../sessions';
import { consoleCatalog } from './catalog-console-client';

const apps: App[] = [];
async function freshApp(): Promise<App> {
  const app = await buildTestApp({ MEDIA_DIR: await mkdtemp(path.join(tmpdir(), 'linli-seed-')) });
  apps.push(app);
  return app;
}
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

async function countConsoleProducts(app: App, token: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = cursor ? { limit: '50', cursor } : { limit: '50' };
    const page = (await app.inject({ method: 'GET', url: '/api/console/products', headers: { authorization: `Bearer ${token}` }, query })).json<ProductPage>();
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

describe('seedDemoCatalog', () => {
  it('fills an empty shop once with at least 30 products in at least 5 categories, and is a no-op the second time', async () => {
    const app = await freshApp();
    const token = (await staffSession(app, 'owner')).token;

    const first = await seedDemoCatalog(app);
    const categories = (await app.inject({ method: 'GET', url: '/api/categories' })).json<{ items: unknown[] }>().items;
    const productsAfterFirst = await countConsoleProducts(app, token);
    const second = await seedDemoCatalog(app);

    expect(first?.products).toBeGreaterThanOrEqual(30);
    expect(first?.categories).toBeGreaterThanOrEqual(5);
    expect(categories).toHaveLength(first?.categories ?? -1);
    expect(productsAfterFirst).toBe(first?.products);
    expect(second).toBeNull();
    expect(await countConsoleProducts(app, token)).toBe(productsAfterFirst);
  });

  it('gives shoppers products with served images, prices and stock', async () => {
    const app = await freshApp();
    await seedDemoCatalog(app);
    const page = (await app.inject({ method: 'GET', url: '/api/products', query: { limit: '5' } })).json<ProductPage>();
    const first = page.items[0];
    const detail = (await app.inject({ method: 'GET', url: `/api/products/${first?.id}` })).json<ProductDetail>();
    const cover = await app.inject({ method: 'GET', url: first?.coverUrl ?? '/media/none.png' });

    expect(page.items).toHaveLength(5);
    expect(first?.coverUrl).toMatch(/^\/media\/products\/[a-z0-9-]+-1\.png$/);
    expect(cover.statusCode).toBe(200);
    expect(cover.headers['content-type']).toBe('image/png');
    expect(detail.images.length).toBeGreaterThanOrEqual(1);
    expect(detail.skus.every((s) => s.price > 0 && s.listPrice >= s.price)).toBe(true);
  });

  it('leaves a shop that already has products alone', async () => {
    const app = await freshApp();
    const shop = consoleCatalog(app, (await staffSession(app, 'owner')).token);
    await shop.createProduct(shop.productBody(await shop.createCategory('自己的类目')));

    expect(await seedDemoCatalog(app)).toBeNull();
    const names = (await app.inject({ method: 'GET', url: '/api/categories' })).json<{ items: Array<{ name: string }> }>().items.map((c) => c.name);
    expect(names).toEqual(['自己的类目']);
  });
});
