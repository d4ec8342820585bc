import { expireUnpaidOrders } from '../../src/modules/orders/cancel-order';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { processDueRefunds } from '../../src/modules/payments/refunds';
import { createProduct, createShopper } from '../fixtures';
import { moneyProblems, statusHistoryProblems } from './order-invariants';
import { eventsOf, orderRow, paymentOf, refundsOf, salesCountOf, stockOf } from './shop-records';
import { openShop, type ShopUnderTest } from './shop-under-test';
import { deliverNotify, placeOrder, prepay } from './shopping-steps';

let shop: ShopUnderTest<SandboxPaymentProvider>;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => {
  await shop.close();
});

/**
 * The shopper pays in the last second of the payment window; WeChat's notify is still on its way
 * when the sweeper closes the order (WeChat refuses the close: ORDERPAID). Then the notify lands.
 */
async function paymentLandingAfterExpiry() {
  const { app, clock, sandbox } = shop;
  const shopper = await createShopper(app);
  const { productId, skuIds } = await createProduct(app, { stock: 10, price: 3000 });
  const skuId = skuIds[0]!;
  const order = await placeOrder(app, shopper, skuId, 2);
  await prepay(app, shopper, order.id);
  clock.advance(app.config.orders.paymentWindowMinutes * 60_000 - 1000);
  const notify = await sandbox.confirmPayment(order.orderNo);
  clock.advance(2000);
  await expireUnpaidOrders(app);
  expect((await orderRow(app, order.id)).status).toBe('cancelled');
  return { order, skuId, productId, notify };
}

describe('a payment that arrives after the sweeper closed its order', () => {
  it('keeps the order cancelled', async () => {
    const { order, notify } = await paymentLandingAfterExpiry();

    expect((await deliverNotify(shop.app, notify)).statusCode).toBe(204);

    const row = await orderRow(shop.app, order.id);
    expect(row.status).toBe('cancelled');
    expect(row.paidAt).toBeNull();
    expect((await eventsOf(shop.app, order.id)).map((e) => e.action)).toEqual(['place', 'expire']);
  });

  it('records the payment as succeeded with its WeChat transaction id', async () => {
    const { order, notify } = await paymentLandingAfterExpiry();

    await deliverNotify(shop.app, notify);

    const payment = await paymentOf(shop.app, order.id);
    expect(payment.status).toBe('succeeded');
    expect(payment.transactionId).toBe((await shop.sandbox.queryPayment(order.orderNo)).transactionId);
  });

  it('refunds the full amount, and the refund worker gets WeChat to confirm it', async () => {
    const { order, notify } = await paymentLandingAfterExpiry();

    await deliverNotify(shop.app, notify);
    await processDueRefunds(shop.app);

    const refunds = await refundsOf(shop.app, order.id);
    expect(refunds.map((r) => [r.amount, r.status, r.afterSaleId])).toEqual([[order.payable, 'succeeded', null]]);
    expect((await shop.sandbox.queryRefund(refunds[0]!.outRefundNo)).status).toBe('SUCCESS');
    expect(await orderRow(shop.app, order.id)).toMatchObject({ status: 'cancelled', refundedAmount: order.payable });
  });

  it('gives the stock back once and never counts the sale', async () => {
    const { skuId, productId, notify } = await paymentLandingAfterExpiry();

    await deliverNotify(shop.app, notify);
    await processDueRefunds(shop.app);

    expect(await stockOf(shop.app, skuId)).toBe(10);
    expect(await salesCountOf(shop.app, productId)).toBe(0);
  });

  it('changes nothing when the same late notify is delivered again', async () => {
    const { order, notify } = await paymentLandingAfterExpiry();
    await deliverNotify(shop.app, notify);
    await processDueRefunds(shop.app);
    const before = { order: await orderRow(shop.app, order.id), payment: await paymentOf(shop.app, order.id), refunds: await refundsOf(shop.app, order.id) };

    expect((await deliverNotify(shop.app, notify)).statusCode).toBe(204);
    await processDueRefunds(shop.app);

    expect({ order: await orderRow(shop.app, order.id), payment: await paymentOf(shop.app, order.id), refunds: await refundsOf(shop.app, order.id) }).toEqual(before);
  });
});

describe('after these late payments', () => {
  it("keeps every order's money consistent and its status history on the transition table", async () => {
    expect(await moneyProblems(shop.app)).toEqual([]);
    expect(await statusHistoryProblems(shop.app)).toEqual([]);
  });
});
