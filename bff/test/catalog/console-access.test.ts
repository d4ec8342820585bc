import { randomUUID } from 'node:crypto';
import type { App } from '../../src/app';
import type { StaffRole } from '../../src/modules/staff/tables';
import { bearer, buildTestApp } from '../helper';
import { shopperSession, staffSession } from '../sessions';
import { consoleCatalog, multipartFile } from './catalog-console-client';

let app: App;
let owner: ReturnType<typeof consoleCatalog>;
let categoryId: string;
let skuId: string;
const tokens = new Map<StaffRole, string>();
beforeAll(async () => {
  app = await buildTestApp();
  for (const role of ['owner', 'operator', 'service', 'finance'] as const) tokens.set(role, (await staffSession(app, role)).token);
  owner = consoleCatalog(app, tokens.get('owner') ?? '');
  categoryId = await owner.createCategory();
  skuId = (await owner.createProduct(owner.productBody(categoryId))).skus[0]?.id ?? '';
});
afterAll(async () => {
  await app.close();
});

function asRole(role: StaffRole) {
  return bearer(tokens.get(role) ?? '');
}

/** Valid catalog writes, each with the status it answers when allowed. */
const writes = () => [
  { method: 'POST' as const, url: '/api/console/categories', payload: { name: `类目-${randomUUID().slice(0, 8)}` }, allowed: 201 },
  { method: 'POST' as const, url: '/api/console/products', payload: owner.productBody(categoryId), allowed: 201 },
  { method: 'POST' as const, url: `/api/console/skus/${skuId}/stock`, payload: { delta: 1 }, allowed: 200 },
  { method: 'PATCH' as const, url: `/api/console/skus/${skuId}`, payload: { price: 1000 }, allowed: 200 },
];

describe('who may change the catalog', () => {
  it.each(['owner', 'operator'] as const)('lets an %s create, restock and reprice', async (role) => {
    for (const { allowed, ...write } of writes()) {
      const res = await app.inject({ ...write, headers: asRole(role) });
      expect([write.url, res.statusCode]).toEqual([write.url, allowed]);
    }
  });

  it.each(['service', 'finance'] as const)('refuses every catalog write by %s with 403 FORBIDDEN', async (role) => {
    for (const { allowed: _allowed, ...write } of writes()) {
      const res = await app.inject({ ...write, headers: asRole(role) });
      expect([write.url, res.statusCode, res.json().error.code]).toEqual([write.url, 403, 'FORBIDDEN']);
    }
  });

  it.each(['service', 'finance'] as const)('refuses an image upload by %s', async (role) => {
    const form = multipartFile('x.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png');
    const res = await app.inject({ method: 'POST', url: '/api/console/images', payload: form.payload, headers: { ...asRole(role), ...form.headers } });
    expect(res.statusCode).toBe(403);
  });

  it.each(['service', 'finance'] as const)('lets %s read the console catalog', async (role) => {
    const res = await app.inject({ method: 'GET', url: '/api/console/products', headers: asRole(role) });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a shopper token on console routes with 403', async () => {
    const shopper = await shopperSession(app);
    const read = await app.inject({ method: 'GET', url: '/api/console/products', headers: bearer(shopper.token) });
    const write = await app.inject({ method: 'POST', url: `/api/console/skus/${skuId}/stock`, headers: bearer(shopper.token), payload: { delta: 100 } });
    expect([read.statusCode, write.statusCode]).toEqual([403, 403]);
  });

  it('refuses a request without a token with 401', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/console/categories' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });
});
