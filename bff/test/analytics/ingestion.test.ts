import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import type { App } from '../../src/app';
import { analyticsEvents } from '../../src/modules/analytics/tables';
import { createShopper } from '../fixtures';
import { buildTestApp } from '../helper';

const now = new Date('2025-05-01T08:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
const productId = randomUUID();
const skuId = randomUUID();
const valid = { name: 'page_view', occurredAt: minutesAgo(1), page: 'pages/index/index' };

let app: App;
beforeAll(async () => {
  app = await buildTestApp({}, { clock: () => now });
});
afterAll(async () => {
  await app.close();
});
beforeEach(async () => {
  await app.db.delete(analyticsEvents);
});

const stored = () => app.db.select().from(analyticsEvents).orderBy(asc(analyticsEvents.id));

function send(events: unknown[], headers: Record<string, string> = {}, visitorId = 'visitor-0001') {
  return app.inject({ method: 'POST', url: '/api/events', headers, payload: { visitorId, events } });
}

describe('POST /api/events', () => {
  it('stores a valid batch of every client event kind and answers 202 with the count', async () => {
    const res = await send([
      { name: 'page_view', occurredAt: minutesAgo(10), page: 'pages/index/index' },
      { name: 'product_view', occurredAt: minutesAgo(9), productId },
      { name: 'share', occurredAt: minutesAgo(8), shareId: 'AbCdEfGhIjKl' },
      { name: 'share_open', occurredAt: minutesAgo(7), shareId: 'AbCdEfGhIjKl' },
      { name: 'add_to_cart', occurredAt: minutesAgo(6), skuId, quantity: 2 },
      { name: 'checkout', occurredAt: minutesAgo(5), amount: 5990, itemCount: 3 },
    ]);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 6 });
    const rows = await stored();
    expect(rows.map((r) => ({ name: r.name, source: r.source, userId: r.userId, visitorId: r.visitorId, productId: r.productId, shareId: r.shareId, amount: r.amount, props: r.props }))).toEqual([
      { name: 'page_view', source: 'client', userId: null, visitorId: 'visitor-0001', productId: null, shareId: null, amount: null, props: { page: 'pages/index/index' } },
      { name: 'product_view', source: 'client', userId: null, visitorId: 'visitor-0001', productId, shareId: null, amount: null, props: {} },
      { name: 'share', source: 'client', userId: null, visitorId: 'visitor-0001', productId: null, shareId: 'AbCdEfGhIjKl', amount: null, props: {} },
      { name: 'share_open', source: 'client', userId: null, visitorId: 'visitor-0001', productId: null, shareId: 'AbCdEfGhIjKl', amount: null, props: {} },
      { name: 'add_to_cart', source: 'client', userId: null, visitorId: 'visitor-0001', productId: null, shareId: null, amount: null, props: { skuId, quantity: 2 } },
      { name: 'checkout', source: 'client', userId: null, visitorId: 'visitor-0001', productId: null, shareId: null, amount: 5990, props: { itemCount: 3 } },
    ]);
    expect(rows[0]!.occurredAt.toISOString()).toBe(minutesAgo(10));
  });

  it('accepts events from a visitor who is not signed in', async () => {
    const res = await send([{ name: 'page_view', occurredAt: minutesAgo(1), page: 'pages/product/index' }], {}, 'anonymous-visitor');
    expect(res.statusCode).toBe(202);
    expect((await stored()).map((r) => [r.userId, r.visitorId])).toEqual([[null, 'anonymous-visitor']]);
  });

  it('records the signed-in shopper on every event of their batch', async () => {
    const shopper = await createShopper(app);
    const res = await send(
      [
        { name: 'page_view', occurredAt: minutesAgo(2), page: 'pages/index/index' },
        { name: 'product_view', occurredAt: minutesAgo(1), productId },
      ],
      shopper.headers,
    );
    expect(res.statusCode).toBe(202);
    expect((await stored()).map((r) => r.userId)).toEqual([shopper.userId, shopper.userId]);
  });

  it('refuses a batch whose token is bad instead of storing it as anonymous', async () => {
    const res = await send([{ name: 'page_view', occurredAt: minutesAgo(1), page: 'pages/index/index' }], { authorization: 'Bearer not-a-token' });
    expect(res.statusCode).toBe(401);
    expect(await stored()).toEqual([]);
  });

  const malformed: Array<[string, unknown]> = [
    ['an unknown event name', { visitorId: 'visitor-0001', events: [valid, { name: 'wishlist_add', occurredAt: minutesAgo(1), productId }] }],
    ['a field of the wrong type', { visitorId: 'visitor-0001', events: [valid, { name: 'add_to_cart', occurredAt: minutesAgo(1), skuId, quantity: '2' }] }],
    ['a field the event does not have', { visitorId: 'visitor-0001', events: [valid, { name: 'product_view', occurredAt: minutesAgo(1), productId, price: 100 }] }],
    ['a missing field', { visitorId: 'visitor-0001', events: [valid, { name: 'product_view', occurredAt: minutesAgo(1) }] }],
    ['more than 50 events', { visitorId: 'visitor-0001', events: Array.from({ length: 51 }, () => valid) }],
    ['no events', { visitorId: 'visitor-0001', events: [] }],
    ['no visitor id', { events: [valid] }],
    ['a time that is not a date-time', { visitorId: 'visitor-0001', events: [valid, { ...valid, occurredAt: 'yesterday' }] }],
    ['a server-only event name', { visitorId: 'visitor-0001', events: [valid, { name: 'order_paid', occurredAt: minutesAgo(1), orderId: randomUUID(), amount: 100 }] }],
  ];
  it.each(malformed)('refuses the whole batch with 400 and stores nothing for %s', async (_what, body) => {
    const res = await app.inject({ method: 'POST', url: '/api/events', payload: body as Record<string, unknown> });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['more than 24 hours ago', minutesAgo(24 * 60 + 1)],
    ['more than 5 minutes in the future', minutesAgo(-6)],
  ])('refuses the whole batch when one event happened %s', async (_what, occurredAt) => {
    const res = await send([valid, { ...valid, occurredAt }]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'EVENT_TIME_OUT_OF_RANGE', message: expect.any(String), details: [{ path: '/body/events/1/occurredAt', message: expect.any(String) }] },
    });
    expect(await stored()).toEqual([]);
  });

  it('accepts events up to 24 hours old and 5 minutes ahead (device clock skew)', async () => {
    const res = await send([
      { ...valid, occurredAt: minutesAgo(24 * 60 - 1) },
      { ...valid, occurredAt: minutesAgo(-4) },
    ]);
    expect(res.statusCode).toBe(202);
  });
});

describe('the event rate limit', () => {
  let limited: App;
  beforeAll(async () => {
    limited = await buildTestApp({ EVENT_BATCHES_PER_MINUTE: '3' }, { clock: () => now });
  });
  afterAll(async () => {
    await limited.close();
  });
  const batch = (headers: Record<string, string> = {}, remoteAddress = '10.0.0.1') =>
    limited.inject({ method: 'POST', url: '/api/events', headers, remoteAddress, payload: { visitorId: 'visitor-0001', events: [valid] } });

  it('answers 429 RATE_LIMITED in the one error shape after the configured batches per minute, storing nothing', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await batch()).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const refused = await batch();
    expect(refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await limited.db.select().from(analyticsEvents)).toHaveLength(3);
  });

  it('counts each address on its own when signed out', async () => {
    expect((await batch({}, '10.0.0.2')).statusCode).toBe(202);
  });

  it('counts a signed-in shopper by account, whatever address they send from', async () => {
    const shopper = await createShopper(limited);
    const statuses = [];
    for (const address of ['10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.4']) statuses.push((await batch(shopper.headers, address)).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429]);
    // the address the shopper used last still has its own allowance
    expect((await batch({}, '10.0.1.4')).statusCode).toBe(202);
  });
});
