import { and, eq, sql } from 'drizzle-orm';
import type { App } from '../../src/app';
import { skus, products } from '../../src/modules/catalog/tables';
import { expireUnpaidOrders } from '../../src/modules/orders/cancel-order';
import { orderEvents, orders } from '../../src/modules/orders/tables';
import { asSandbox } from '../../src/modules/payments/connect';
import { payments } from '../../src/modules/payments/tables';
import { address, createProduct, createShopper, createStaffMember, giveCoupon, idempotencyKey } from '../fixtures';
import { buildTestApp } from '../helper';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';

describeOnPostgres('orders under concurrency on a real PostgreSQL server', () => {
  let app: App;
  let close: () => Promise<void>;
  let now = new Date();

  beforeAll(async () => {
    ({ app, close } = await appOnFreshDatabase({}, { clock: () => now }));
  });
  afterAll(async () => {
    await close?.();
  });

  const stockOf = async (skuId: string) => (await app.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, skuId)))[0]!.stock;

  it('sells exactly the stock to 200 parallel buyers: 50 orders, stock 0, never negative', async () => {
    const { skuIds } = await createProduct(app, { stock: 50 });
    const skuId = skuIds[0]!;
    const buyers = await Promise.all(Array.from({ length: 200 }, (_, i) => createShopper(app, `buyer${i}`)));
    const results = await Promise.all(
      buyers.map((b) =>
        app.inject({
          method: 'POST',
          url: '/api/orders',
          headers: { ...b.headers, 'idempotency-key': idempotencyKey() },
          payload: { lines: [{ skuId, quantity: 1 }], address },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(50);
    expect(codes.filter((c) => c === 409)).toHaveLength(150);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'INSUFFICIENT_STOCK')).toBe(true);
    expect(await stockOf(skuId)).toBe(0);
    const [{ count }] = (await app.database.rows<{ count: number }>(
      app.db,
      sql`select count(*)::int as count from order_lines where sku_id = ${skuId}`,
    )) as [{ count: number }];
    expect(count).toBe(50);
  });

  it('creates one order when one Idempotency-Key is sent 20 times at once', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 100 });
    const key = idempotencyKey();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.inject({
          method: 'POST',
          url: '/api/orders',
          headers: { ...shopper.headers, 'idempotency-key': key },
          payload: { lines: [{ skuId: skuIds[0], quantity: 2 }], address },
        }),
      ),
    );
    const created = results.filter((r) => r.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json().id)).size).toBe(1);
    expect(results.every((r) => r.statusCode === 201 || (r.statusCode === 409 && r.json().error.code === 'IDEMPOTENCY_IN_FLIGHT'))).toBe(true);
    expect(await app.db.select().from(orders).where(eq(orders.userId, shopper.userId))).toHaveLength(1);
    expect(await stockOf(skuIds[0]!)).toBe(98);
  });

  it('applies one payment notify delivered 10 times at once exactly once', async () => {
    const shopper = await createShopper(app);
    const { skuIds, productId } = await createProduct(app, { stock: 10 });
    const order = (
      await app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { ...shopper.headers, 'idempotency-key': idempotencyKey() },
        payload: { lines: [{ skuId: skuIds[0], quantity: 3 }], address },
      })
    ).json();
    await app.inject({ method: 'POST', url: `/api/orders/${order.id}/pay`, headers: shopper.headers });
    const notify = await asSandbox(app.payments)!.confirmPayment(order.orderNo);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.inject({ method: 'POST', url: '/api/payments/notify', headers: { ...notify.headers, 'content-type': 'application/json' }, payload: notify.body }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(204));
    const events = await app.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.action, 'pay')));
    expect(events).toHaveLength(1);
    const paymentRows = await app.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(paymentRows.map((p) => p.status)).toEqual(['succeeded']);
    const [product] = await app.db.select({ salesCount: products.salesCount }).from(products).where(eq(products.id, productId));
    expect(product!.salesCount).toBe(3);
  });

  it('releases each expired order exactly once when two BFF instances sweep at once', async () => {
    const second = await buildTestApp({ DATABASE_URL: new URL(app.config.database.url!).toString(), DATABASE_POOL_MAX: '10' }, { clock: () => now });
    try {
      const { skuIds } = await createProduct(app, { stock: 100, skuCount: 3 });
      const shoppers = await Promise.all(Array.from({ length: 30 }, (_, i) => createShopper(app, `late${i}`)));
      await Promise.all(
        shoppers.map((s, i) =>
          app.inject({
            method: 'POST',
            url: '/api/orders',
            headers: { ...s.headers, 'idempotency-key': idempotencyKey() },
            payload: { lines: [{ skuId: skuIds[i % 3], quantity: 2 }, { skuId: skuIds[(i + 1) % 3], quantity: 1 }], address },
          }),
        ),
      );
      expect(await Promise.all(skuIds.map(stockOf))).toEqual([70, 70, 70]);
      const pending = await app.db.select({ id: orders.id }).from(orders).where(eq(orders.status, 'pending_payment'));
      now = new Date(now.getTime() + 16 * 60_000);
      const [a, b] = await Promise.all([expireUnpaidOrders(app, 1000), expireUnpaidOrders(second, 1000)]);
      expect(a + b).toBe(pending.length);
      expect(await Promise.all(skuIds.map(stockOf))).toEqual([100, 100, 100]);
      const [{ expired }] = (await app.database.rows<{ expired: number }>(
        app.db,
        sql`select count(*)::int as expired from order_events where action = 'expire'`,
      )) as [{ expired: number }];
      expect(expired).toBe(pending.length);
      const perOrder = await app.database.rows<{ n: number }>(
        app.db,
        sql`select count(*)::int as n from order_events where action = 'expire' group by order_id having count(*) > 1`,
      );
      expect(perOrder).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('lets one coupon into exactly one of two orders placed at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const shopper = await createShopper(app);
      const { skuIds } = await createProduct(app, { stock: 10, price: 3000 });
      const coupon = await giveCoupon(app, shopper.userId, {}, { from: new Date(now.getTime() - 86_400_000), until: new Date(now.getTime() + 86_400_000) });
      const results = await Promise.all(
        [1, 2].map(() =>
          app.inject({
            method: 'POST',
            url: '/api/orders',
            headers: { ...shopper.headers, 'idempotency-key': idempotencyKey() },
            payload: { lines: [{ skuId: skuIds[0], quantity: 2 }], address, userCouponId: coupon },
          }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('COUPON_UNAVAILABLE');
      expect(await stockOf(skuIds[0]!)).toBe(8);
      const holding = await app.db.select().from(orders).where(eq(orders.userCouponId, coupon));
      expect(holding).toHaveLength(1);
    }
  });

  it('keeps shoppers and staff in their lanes on the real server too', async () => {
    const a = await createShopper(app, 'owner-a');
    const b = await createShopper(app, 'other-b');
    const { skuIds } = await createProduct(app);
    const order = (
      await app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { ...a.headers, 'idempotency-key': idempotencyKey() },
        payload: { lines: [{ skuId: skuIds[0], quantity: 1 }], address },
      })
    ).json();
    for (const url of [`/api/orders/${order.id}`]) {
      expect((await app.inject({ method: 'GET', url, headers: b.headers })).statusCode).toBe(404);
    }
    expect((await app.inject({ method: 'POST', url: `/api/orders/${order.id}/cancel`, headers: b.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/orders/${order.id}/pay`, headers: b.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/console/orders', headers: a.headers })).statusCode).toBe(403);
    const finance = await createStaffMember(app, 'finance');
    const ship = await app.inject({ method: 'POST', url: `/api/console/orders/${order.id}/ship`, headers: finance.headers, payload: { carrier: '顺丰', trackingNo: 'SF00001' } });
    expect(ship.statusCode).toBe(403);
  });
});
