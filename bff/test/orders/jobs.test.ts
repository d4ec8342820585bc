import { expireUnpaidOrders } from '../../src/modules/orders/cancel-order';
import { autoConfirmReceipts } from '../../src/modules/orders/fulfilment';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { createProduct, createShopper } from '../fixtures';
import { moneyProblems, statusHistoryProblems } from '../payments/order-invariants';
import { eventsOf, orderRow, paymentOf, stockOf } from '../payments/shop-records';
import { openShop, type ShopUnderTest } from '../payments/shop-under-test';
import { payThroughSandbox, placeOrder, prepay, shipOrder } from '../payments/shopping-steps';

let shop: ShopUnderTest<SandboxPaymentProvider>;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => {
  await shop.close();
});

const minutes = (n: number) => n * 60_000;
const days = (n: number) => n * 86_400_000;

describe('the expiry sweeper', () => {
  it('cancels an unpaid order past its window as the system, returns its stock and closes its prepaid payment', async () => {
    const { app, clock } = shop;
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 10 });
    const skuId = skuIds[0]!;
    const order = await placeOrder(app, shopper, skuId, 3);
    await prepay(app, shopper, order.id);
    expect(await stockOf(app, skuId)).toBe(7);

    clock.advance(minutes(app.config.orders.paymentWindowMinutes) + 1000);
    expect(await expireUnpaidOrders(app)).toBe(1);

    expect((await orderRow(app, order.id)).status).toBe('cancelled');
    expect((await eventsOf(app, order.id)).map((e) => [e.action, e.fromStatus, e.toStatus, e.actorKind, e.actorId])).toEqual([
      ['place', null, 'pending_payment', 'shopper', shopper.userId],
      ['expire', 'pending_payment', 'cancelled', 'system', null],
    ]);
    expect(await stockOf(app, skuId)).toBe(10);
    expect((await paymentOf(app, order.id)).status).toBe('closed');
    expect((await shop.sandbox.queryPayment(order.orderNo)).tradeState).toBe('CLOSED');
  });

  it('leaves an order still inside its payment window untouched', async () => {
    const { app, clock } = shop;
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 10 });
    const skuId = skuIds[0]!;
    const order = await placeOrder(app, shopper, skuId, 2);
    await prepay(app, shopper, order.id);

    clock.advance(minutes(app.config.orders.paymentWindowMinutes) - 1000);
    await expireUnpaidOrders(app);

    expect((await orderRow(app, order.id)).status).toBe('pending_payment');
    expect((await eventsOf(app, order.id)).map((e) => e.action)).toEqual(['place']);
    expect(await stockOf(app, skuId)).toBe(8);
    expect((await paymentOf(app, order.id)).status).toBe('prepaid');
  });

  it('changes nothing when it runs again after expiring an order', async () => {
    const { app, clock } = shop;
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 5 });
    const skuId = skuIds[0]!;
    const order = await placeOrder(app, shopper, skuId, 4);
    clock.advance(minutes(app.config.orders.paymentWindowMinutes) + 1000);
    expect(await expireUnpaidOrders(app)).toBeGreaterThanOrEqual(1);
    const before = { order: await orderRow(app, order.id), events: await eventsOf(app, order.id), stock: await stockOf(app, skuId) };

    expect(await expireUnpaidOrders(app)).toBe(0);

    expect({ order: await orderRow(app, order.id), events: await eventsOf(app, order.id), stock: await stockOf(app, skuId) }).toEqual(before);
    expect(before.stock).toBe(5);
  });
});

describe('automatic receipt confirmation', () => {
  async function shippedOrder() {
    const { app } = shop;
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app);
    const order = await placeOrder(app, shopper, skuIds[0]!);
    await prepay(app, shopper, order.id);
    await payThroughSandbox(app, shopper, order.id);
    return shipOrder(app, order.id);
  }

  it('completes a shipped order once AUTO_CONFIRM_DAYS have passed since shipping, as the system', async () => {
    const { app, clock } = shop;
    const order = await shippedOrder();

    clock.advance(days(app.config.orders.autoConfirmDays) + minutes(1));
    expect(await autoConfirmReceipts(app)).toBe(1);

    expect((await orderRow(app, order.id)).status).toBe('completed');
    expect((await eventsOf(app, order.id)).at(-1)).toMatchObject({ action: 'autoConfirm', fromStatus: 'shipped', toStatus: 'completed', actorKind: 'system' });
  });

  it('leaves an order shipped less than AUTO_CONFIRM_DAYS ago for the shopper to confirm', async () => {
    const { app, clock } = shop;
    const order = await shippedOrder();

    clock.advance(days(app.config.orders.autoConfirmDays) - minutes(60));
    expect(await autoConfirmReceipts(app)).toBe(0);

    expect((await orderRow(app, order.id)).status).toBe('shipped');
    expect((await eventsOf(app, order.id)).map((e) => e.action)).not.toContain('autoConfirm');
  });
});

describe('after the jobs above', () => {
  it("keeps every order's money consistent and its status history on the transition table", async () => {
    expect(await moneyProblems(shop.app)).toEqual([]);
    expect(await statusHistoryProblems(shop.app)).toEqual([]);
  });
});
