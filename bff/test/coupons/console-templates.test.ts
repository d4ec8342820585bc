import type { App } from '../../src/app';
import { createShopper, createStaffMember } from '../fixtures';
import { buildTestApp } from '../helper';
import { createTemplate } from './coupon-fixtures';

let app: App;
let operator: { authorization: string };
beforeAll(async () => {
  app = await buildTestApp();
  operator = (await createStaffMember(app, 'operator')).headers;
});
afterAll(async () => {
  await app.close();
});

const amountOff = { title: '满 100 减 10', kind: 'amount_off', threshold: 10000, amountOff: 1000, validDays: 7, totalStock: 100 };

function post(headers: Record<string, string>, payload: object) {
  return app.inject({ method: 'POST', url: '/api/console/coupon-templates', headers, payload });
}

function patch(headers: Record<string, string>, id: string, payload: object) {
  return app.inject({ method: 'PATCH', url: `/api/console/coupon-templates/${id}`, headers, payload });
}

describe('creating coupon templates', () => {
  it('creates an amount-off template with stock and days of validity', async () => {
    const res = await post(operator, amountOff);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'amount_off', amountOff: 1000, threshold: 10000, validDays: 7, totalStock: 100, issuedCount: 0, perUserLimit: 1, scopeKind: 'all', active: true });
  });

  it('creates a capped percent-off template for a fixed window and given products', async () => {
    const productId = '00000000-0000-4000-8000-000000000001';
    const res = await post(operator, {
      title: '85 折',
      kind: 'percent_off',
      percentOff: 15,
      cap: 2000,
      scopeKind: 'products',
      scopeIds: [productId],
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2026-02-01T00:00:00.000Z',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ percentOff: 15, cap: 2000, scopeIds: [productId], validFrom: '2026-01-01T00:00:00.000Z', validDays: null, totalStock: null });
  });

  it('lists templates newest first', async () => {
    const first = (await post(operator, { ...amountOff, title: '先' })).json();
    const second = (await post(operator, { ...amountOff, title: '后' })).json();
    const res = await app.inject({ method: 'GET', url: '/api/console/coupon-templates?limit=2', headers: operator });
    expect(res.json().items.map((t: { id: string }) => t.id)).toEqual([second.id, first.id]);
    expect(res.json().nextCursor).toEqual(expect.any(String));
  });

  it.each([
    ['an amount-off template without an amount', { ...amountOff, amountOff: undefined }, '/body/amountOff'],
    ['an amount-off template taking 0 off', { ...amountOff, amountOff: 0 }, '/body/amountOff'],
    ['a percent-off template taking 100 percent off', { ...amountOff, kind: 'percent_off', amountOff: undefined, percentOff: 100 }, '/body/percentOff'],
    ['a percent-off template without a percentage', { ...amountOff, kind: 'percent_off', amountOff: undefined }, '/body/percentOff'],
    ['a template with neither window nor days', { ...amountOff, validDays: undefined }, '/body/validDays'],
    ['a template with both window and days', { ...amountOff, validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z' }, '/body/validDays'],
    ['a window that ends before it starts', { ...amountOff, validDays: undefined, validFrom: '2026-02-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }, '/body/validUntil'],
    ['a category scope naming no category', { ...amountOff, scopeKind: 'categories' }, '/body/scopeIds'],
  ])('refuses %s, saying which field is wrong', async (_, body, path) => {
    const res = await post(operator, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_COUPON_TEMPLATE');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses fields the template does not have', async () => {
    const res = await post(operator, { ...amountOff, issuedCount: 50 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('editing coupon templates', () => {
  it('changes the title and takes a template offline', async () => {
    const template = await createTemplate(app);
    const res = await patch(operator, template.id, { title: '新标题', active: false, claimable: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: '新标题', active: false, claimable: false });
  });

  it('grows the stock', async () => {
    const template = await createTemplate(app, { totalStock: 10 });
    const res = await patch(operator, template.id, { totalStock: 30 });
    expect(res.json().totalStock).toBe(30);
  });

  it('refuses to shrink the stock', async () => {
    const template = await createTemplate(app, { totalStock: 10, issuedCount: 2 });
    const res = await patch(operator, template.id, { totalStock: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COUPON_STOCK_CANNOT_SHRINK');
  });

  it('refuses to limit a template that was unlimited', async () => {
    const template = await createTemplate(app, { totalStock: null });
    const res = await patch(operator, template.id, { totalStock: 1000 });
    expect(res.statusCode).toBe(409);
  });

  it('answers 404 for a template that does not exist', async () => {
    const res = await patch(operator, '00000000-0000-4000-8000-00000000abcd', { title: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('who may manage coupons', () => {
  it.each(['service', 'finance'] as const)('lets %s read templates and usage but not create, edit or push', async (role) => {
    const { headers } = await createStaffMember(app, role);
    const template = await createTemplate(app);
    expect((await app.inject({ method: 'GET', url: '/api/console/coupon-templates', headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/console/coupon-templates/${template.id}/usage`, headers })).statusCode).toBe(200);
    expect((await post(headers, amountOff)).statusCode).toBe(403);
    expect((await patch(headers, template.id, { active: false })).statusCode).toBe(403);
    const push = await app.inject({ method: 'POST', url: `/api/console/coupon-templates/${template.id}/push`, headers, payload: { userIds: [template.id] } });
    expect(push.statusCode).toBe(403);
  });

  it('refuses a shopper token', async () => {
    const shopper = await createShopper(app);
    const res = await post(shopper.headers, amountOff);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('WRONG_AUDIENCE');
  });
});

describe('pushing coupons to shoppers', () => {
  it('gives each shopper a coupon and says per shopper who got one and who did not', async () => {
    const template = await createTemplate(app, { totalStock: 10 });
    const [a, b, c] = await Promise.all([createShopper(app, 'a'), createShopper(app, 'b'), createShopper(app, 'c')]);
    await app.inject({ method: 'POST', url: `/api/console/coupon-templates/${template.id}/push`, headers: operator, payload: { userIds: [b!.userId] } });
    const unknown = '00000000-0000-4000-8000-00000000dead';

    const res = await app.inject({
      method: 'POST',
      url: `/api/console/coupon-templates/${template.id}/push`,
      headers: operator,
      payload: { userIds: [a!.userId, b!.userId, unknown, c!.userId] },
    });

    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { userId: a!.userId, ok: true, couponId: expect.any(String) },
      { userId: b!.userId, ok: false, code: 'COUPON_LIMIT_REACHED' },
      { userId: unknown, ok: false, code: 'USER_NOT_FOUND' },
      { userId: c!.userId, ok: true, couponId: expect.any(String) },
    ]);
    const mine = await app.inject({ method: 'GET', url: '/api/coupons/mine', headers: c!.headers });
    expect(mine.json().items).toHaveLength(1);
  });

  it('pushes templates that are not listed in the claim centre', async () => {
    const template = await createTemplate(app, { claimable: false });
    const shopper = await createShopper(app);
    const res = await app.inject({ method: 'POST', url: `/api/console/coupon-templates/${template.id}/push`, headers: operator, payload: { userIds: [shopper.userId] } });
    expect(res.json().results[0].ok).toBe(true);
  });

  it('refuses an empty list of shoppers', async () => {
    const template = await createTemplate(app);
    const res = await app.inject({ method: 'POST', url: `/api/console/coupon-templates/${template.id}/push`, headers: operator, payload: { userIds: [] } });
    expect(res.statusCode).toBe(400);
  });
});

describe('template usage', () => {
  it('counts issued coupons by state', async () => {
    const template = await createTemplate(app, { perUserLimit: 5 });
    const shopper = await createShopper(app);
    await app.inject({
      method: 'POST',
      url: `/api/console/coupon-templates/${template.id}/push`,
      headers: operator,
      payload: { userIds: [shopper.userId, shopper.userId, shopper.userId] },
    });
    const res = await app.inject({ method: 'GET', url: `/api/console/coupon-templates/${template.id}/usage`, headers: operator });
    expect(res.json()).toEqual({ templateId: template.id, issued: 3, available: 3, locked: 0, used: 0, expired: 0 });
  });
});
