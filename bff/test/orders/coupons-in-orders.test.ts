import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { userCoupons } from '../../src/modules/coupons/tables';
import { expireUnpaidOrders } from '../../src/modules/orders/cancel-order';
import { address, createProduct, createShopper, createStaffMember, giveCoupon, idempotencyKey } from '../fixtures';
import { buildTestApp } from '../helper';

let app: App;
let now = new Date();
beforeAll(async () => {
  app = await buildTestApp({}, { clock: () => now });
});
afterAll(async () => {
  await app.close();
});

const couponState = async (id: string) => (await app.db.select().from(userCoupons).where(eq(userCoupons.id, id)))[0]!;

async function setup(price = 3000) {
  const shopper = await createShopper(app);
  const { skuIds } = await createProduct(app, { stock: 20, price });
  return { shopper, skuId: skuIds[0]! };
}

function place(headers: Record<string, string>, body: object) {
  return app.inject({ method: 'POST', url: '/api/orders', headers: { ...headers, 'idempotency-key': idempotencyKey() }, payload: { address, ...body } });
}

describe('coupons at checkout', () => {
  it('suggests the best coupon and says why the others do not apply', async () => {
    const { shopper, skuId } = await setup(3000);
    const small = await giveCoupon(app, shopper.userId, { title: '满50减5', threshold: 5000, amountOff: 500 });
    const big = await giveCoupon(app, shopper.userId, { title: '满50减10', threshold: 5000, amountOff: 1000 });
    const far = await giveCoupon(app, shopper.userId, { title: '满200减40', threshold: 20000, amountOff: 4000 });
    const res = await app.inject({ method: 'POST', url: '/api/quote', headers: shopper.headers, payload: { lines: [{ skuId, quantity: 2 }] } });
    const quote = res.json();
    expect(quote.appliedCoupon).toEqual({ id: big, title: '满50减10', saving: 1000 });
    expect(quote.couponDiscount).toBe(1000);
    expect(quote.payable).toBe(6000 - 1000 + 800);
    expect(quote.couponOptions.map((o: { id: string }) => o.id)).toEqual([big, small, far]);
    expect(quote.couponOptions[2]).toMatchObject({ applicable: false, reason: '还差¥140.00可用' });
  });

  it('prices without a coupon when asked to, and refuses a coupon that is not mine', async () => {
    const { shopper, skuId } = await setup();
    await giveCoupon(app, shopper.userId);
    const other = await createShopper(app);
    const theirs = await giveCoupon(app, other.userId);
    const none = await app.inject({ method: 'POST', url: '/api/quote', headers: shopper.headers, payload: { lines: [{ skuId, quantity: 2 }], userCouponId: null } });
    expect(none.json().appliedCoupon).toBeNull();
    const stolen = await app.inject({ method: 'POST', url: '/api/quote', headers: shopper.headers, payload: { lines: [{ skuId, quantity: 2 }], userCouponId: theirs } });
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().error.code).toBe('COUPON_UNAVAILABLE');
  });

  it('charges what the quote predicted and locks the coupon in the pending order', async () => {
    const { shopper, skuId } = await setup();
    const coupon = await giveCoupon(app, shopper.userId);
    const quote = (await app.inject({ method: 'POST', url: '/api/quote', headers: shopper.headers, payload: { lines: [{ skuId, quantity: 2 }], userCouponId: coupon } })).json();
    const order = (await place(shopper.headers, { lines: [{ skuId, quantity: 2 }], userCouponId: coupon })).json();
    expect(order.payable).toBe(quote.payable);
    expect(order.couponDiscount).toBe(1000);
    expect(order.lines[0].couponDiscount).toBe(1000);
    expect(await couponState(coupon)).toMatchObject({ status: 'locked', orderId: order.id });
  });

  it('refuses a coupon below its threshold and writes nothing', async () => {
    const { shopper, skuId } = await setup(1000);
    const coupon = await giveCoupon(app, shopper.userId);
    const res = await place(shopper.headers, { lines: [{ skuId, quantity: 1 }], userCouponId: coupon });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COUPON_NOT_APPLICABLE');
    expect(res.json().error.message).toContain('还差');
    expect((await couponState(coupon)).status).toBe('available');
  });

  it('does not let one coupon into a second order while the first holds it', async () => {
    const { shopper, skuId } = await setup();
    const coupon = await giveCoupon(app, shopper.userId);
    await place(shopper.headers, { lines: [{ skuId, quantity: 2 }], userCouponId: coupon });
    const second = await place(shopper.headers, { lines: [{ skuId, quantity: 2 }], userCouponId: coupon });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('COUPON_UNAVAILABLE');
  });

  it('gives the coupon back when the order is cancelled or expires', async () => {
    const { shopper, skuId } = await setup();
    const a = await giveCoupon(app, shopper.userId);
    const b = await giveCoupon(app, shopper.userId);
    const cancelled = (await place(shopper.headers, { lines: [{ skuId, quantity: 2 }], userCouponId: a })).json();
    await app.inject({ method: 'POST', url: `/api/orders/${cancelled.id}/cancel`, headers: shopper.headers });
    expect(await couponState(a)).toMatchObject({ status: 'available', orderId: null });
    await place(shopper.headers, { lines: [{ skuId, quantity: 2 }], userCouponId: b });
    now = new Date(now.getTime() + 16 * 60_000);
    await expireUnpaidOrders(app);
    expect(await couponState(b)).toMatchObject({ status: 'available', orderId: null });
  });

  it('uses the coupon when the order is paid and returns it after a full refund', async () => {
    const { shopper, skuId } = await setup();
    const coupon = await giveCoupon(app, shopper.userId, {}, { until: new Date(now.getTime() + 30 * 86_400_000) });
    const order = (await place(shopper.headers, { lines: [{ skuId, quantity: 2 }], userCouponId: coupon })).json();
    await app.inject({ method: 'POST', url: `/api/orders/${order.id}/pay`, headers: shopper.headers });
    await app.inject({ method: 'POST', url: `/api/payments/sandbox/orders/${order.id}/confirm`, headers: shopper.headers });
    expect((await couponState(coupon)).status).toBe('used');
    const request = (await app.inject({ method: 'POST', url: `/api/orders/${order.id}/after-sales`, headers: shopper.headers, payload: { reason: '不想要了' } })).json();
    const service = await createStaffMember(app, 'service');
    await app.inject({ method: 'POST', url: `/api/console/after-sales/${request.id}/approve`, headers: service.headers, payload: {} });
    expect(await couponState(coupon)).toMatchObject({ status: 'available', orderId: null });
  });
});
