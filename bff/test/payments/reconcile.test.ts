import { expireUnpaidOrders } from '../../src/modules/orders/cancel-order';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { reconcilePayments } from '../../src/modules/payments/reconcile';
import { processDueRefunds } from '../../src/modules/payments/refunds';
import { createProduct, createShopper } from '../fixtures';
import { moneyProblems, statusHistoryProblems } from './order-invariants';
import { eventsOf, orderRow, paymentOf, refundsOf, salesCountOf } from './shop-records';
import { openShop, type ShopUnderTest } from './shop-under-test';
import { deliverNotify, placeOrder, prepay } from './shopping-steps';

let shop: ShopUnderTest<SandboxPaymentProvider>;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => {
  await shop.close();
});

/** reconcilePayments' default grace period. */
const graceMs = 120_000;

/** A prepaid order the shopper has paid for in WeChat, whose notify never reached us (it is returned, not posted). */
async function paidWithLostNotify(quantity = 1) {
  const { app, sandbox } = shop;
  const shopper = await createShopper(app);
  const { productId, skuIds } = await createProduct(app, { stock: 10 });
  const order = await placeOrder(app, shopper, skuIds[0]!, quantity);
  await prepay(app, shopper, order.id);
  const lostNotify = await sandbox.confirmPayment(order.orderNo);
  return { order, productId, lostNotify };
}

describe('payment reconciliation', () => {
  it('applies a payment whose notify never came once the grace period has passed', async () => {
    const { order } = await paidWithLostNotify();

    shop.clock.advance(graceMs + 60_000);
    expect((await reconcilePayments(shop.app)).applied).toBe(1);

    expect((await orderRow(shop.app, order.id)).status).toBe('to_ship');
    expect((await paymentOf(shop.app, order.id)).status).toBe('succeeded');
    expect((await eventsOf(shop.app, order.id)).map((e) => [e.action, e.actorKind])).toEqual([
      ['place', 'shopper'],
      ['pay', 'provider'],
      ['releaseToShip', 'system'],
    ]);
  });

  it('leaves a payment still inside its grace period to its notify', async () => {
    const { order } = await paidWithLostNotify();

    shop.clock.advance(graceMs - 10_000);
    expect((await reconcilePayments(shop.app)).applied).toBe(0);

    expect((await orderRow(shop.app, order.id)).status).toBe('pending_payment');
    expect((await paymentOf(shop.app, order.id)).status).toBe('prepaid');
  });

  it('changes nothing when it runs again after applying a payment', async () => {
    const { order, productId } = await paidWithLostNotify(3);
    shop.clock.advance(graceMs + 60_000);
    await reconcilePayments(shop.app);
    const before = { order: await orderRow(shop.app, order.id), events: await eventsOf(shop.app, order.id), payment: await paymentOf(shop.app, order.id) };

    shop.clock.advance(graceMs + 60_000);
    expect((await reconcilePayments(shop.app)).applied).toBe(0);

    expect({ order: await orderRow(shop.app, order.id), events: await eventsOf(shop.app, order.id), payment: await paymentOf(shop.app, order.id) }).toEqual(before);
    expect(await salesCountOf(shop.app, productId)).toBe(3);
  });

  it('changes nothing when the lost notify turns up after reconciliation applied it', async () => {
    const { order, lostNotify } = await paidWithLostNotify();
    shop.clock.advance(graceMs + 60_000);
    await reconcilePayments(shop.app);
    const events = await eventsOf(shop.app, order.id);

    expect((await deliverNotify(shop.app, lostNotify)).statusCode).toBe(204);
    expect(await eventsOf(shop.app, order.id)).toEqual(events);
  });

  it('leaves an unpaid payment waiting', async () => {
    const { app, clock } = shop;
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app);
    const order = await placeOrder(app, shopper, skuIds[0]!);
    await prepay(app, shopper, order.id);

    clock.advance(graceMs + 60_000);
    const result = await reconcilePayments(app);

    expect(result.checked).toBeGreaterThanOrEqual(1);
    expect(result.applied).toBe(0);
    expect((await orderRow(app, order.id)).status).toBe('pending_payment');
    expect((await paymentOf(app, order.id)).status).toBe('prepaid');
  });

  it('refunds a payment that slipped in after the order expired and whose notify was lost', async () => {
    const { app, clock, sandbox } = shop;
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app);
    const order = await placeOrder(app, shopper, skuIds[0]!);
    await prepay(app, shopper, order.id);
    clock.advance(app.config.orders.paymentWindowMinutes * 60_000 - 1000);
    await sandbox.confirmPayment(order.orderNo);
    clock.advance(2000);
    await expireUnpaidOrders(app);

    clock.advance(graceMs + 60_000);
    expect((await reconcilePayments(app)).applied).toBeGreaterThanOrEqual(1);
    await processDueRefunds(app);

    expect(await orderRow(app, order.id)).toMatchObject({ status: 'cancelled', refundedAmount: order.payable });
    expect((await paymentOf(app, order.id)).status).toBe('succeeded');
    expect((await refundsOf(app, order.id)).map((r) => [r.amount, r.status])).toEqual([[order.payable, 'succeeded']]);
  });
});

describe('after reconciliation', () => {
  it("keeps every order's money consistent and its status history on the transition table", async () => {
    expect(await moneyProblems(shop.app)).toEqual([]);
    expect(await statusHistoryProblems(shop.app)).toEqual([]);
  });
});
