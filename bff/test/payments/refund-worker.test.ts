import type { App } from '../../src/app';
import { approveAfterSale as approveDirectly } from '../../src/modules/orders/after-sales';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { processDueRefunds } from '../../src/modules/payments/refunds';
import { createProduct, createShopper } from '../fixtures';
import { withFlakyRefunds, type FlakyRefundProvider } from './flaky-refund-provider';
import { moneyProblems, statusHistoryProblems } from './order-invariants';
import { afterSaleStatusOf, eventsOf, orderRow, refundsOf, stockOf } from './shop-records';
import { openShop, type ShopUnderTest } from './shop-under-test';
import { approveAfterSale, deliverNotify, payThroughSandbox, placeOrder, prepay, requestFullRefund } from './shopping-steps';

const seconds = (n: number) => n * 1000;

/** A paid order (to ship), and the shopper's request to get all of it back. */
async function paidOrderWithRefundRequest(app: App) {
  const shopper = await createShopper(app);
  const { skuIds } = await createProduct(app, { stock: 10, price: 2500 });
  const skuId = skuIds[0]!;
  const order = await placeOrder(app, shopper, skuId, 2);
  await prepay(app, shopper, order.id);
  await payThroughSandbox(app, shopper, order.id);
  const request = await requestFullRefund(app, shopper, order.id);
  return { order, skuId, request };
}

describe('the refund worker when WeChat Pay fails to take refunds', () => {
  let shop: ShopUnderTest<FlakyRefundProvider>;
  beforeAll(async () => {
    shop = await openShop({ provider: (sandbox) => withFlakyRefunds(sandbox) });
  });
  afterAll(async () => {
    await shop.close();
  });

  it('records each failure and retries with growing delays', async () => {
    const { app, clock, payments } = shop;
    const { order, request } = await paidOrderWithRefundRequest(shop.app);
    payments.failNextRefunds(order.orderNo, 2);

    // Approving sends the refund at once; this first attempt fails.
    await approveAfterSale(app, request.id);
    const [first] = await refundsOf(app, order.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('connection reset') });
    const firstDelay = first!.nextAttemptAt.getTime() - clock.now().getTime();

    clock.advance(firstDelay);
    expect(await processDueRefunds(app)).toBe(1);
    const [second] = await refundsOf(app, order.id);
    expect(second).toMatchObject({ status: 'pending', attempts: 2, lastError: expect.stringContaining('connection reset') });
    const secondDelay = second!.nextAttemptAt.getTime() - clock.now().getTime();

    expect(firstDelay).toBeGreaterThan(0);
    expect(secondDelay).toBeGreaterThan(firstDelay);
    expect(payments.refundCalls(order.orderNo)).toBe(2);
  });

  it('does not send a failed refund again before its retry time', async () => {
    const { app, clock, payments } = shop;
    const { order, request } = await paidOrderWithRefundRequest(shop.app);
    payments.failNextRefunds(order.orderNo, 1);
    await approveAfterSale(app, request.id);
    const callsAfterFailure = payments.refundCalls(order.orderNo);
    const [failed] = await refundsOf(app, order.id);

    clock.advance(failed!.nextAttemptAt.getTime() - clock.now().getTime() - 1);
    await processDueRefunds(app);

    expect(payments.refundCalls(order.orderNo)).toBe(callsAfterFailure);
    expect((await refundsOf(app, order.id))[0]).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('completes the refund once WeChat Pay takes it, and the fully refunded order ends refunded', async () => {
    const { app, clock, payments } = shop;
    const { order, request, skuId } = await paidOrderWithRefundRequest(shop.app);
    payments.failNextRefunds(order.orderNo, 3);
    await approveAfterSale(app, request.id);

    for (let attempt = 0; attempt < 3; attempt++) {
      const [refund] = await refundsOf(app, order.id);
      clock.advance(refund!.nextAttemptAt.getTime() - clock.now().getTime());
      await processDueRefunds(app);
    }

    const [refund] = await refundsOf(app, order.id);
    expect(refund).toMatchObject({ status: 'succeeded', attempts: 3, amount: order.payable });
    expect(payments.refundCalls(order.orderNo)).toBe(4);
    expect((await shop.sandbox.queryRefund(refund!.outRefundNo)).status).toBe('SUCCESS');
    expect(await afterSaleStatusOf(shop.app, request.id)).toBe('refunded');
    expect(await orderRow(app, order.id)).toMatchObject({ status: 'refunded', refundedAmount: order.payable });
    expect((await eventsOf(app, order.id)).at(-1)).toMatchObject({ action: 'refundInFull', fromStatus: 'to_ship', toStatus: 'refunded' });
    expect(await stockOf(app, skuId)).toBe(10);
  });

  it("keeps every order's money consistent and its status history on the transition table", async () => {
    expect(await moneyProblems(shop.app)).toEqual([]);
    expect(await statusHistoryProblems(shop.app)).toEqual([]);
  });
});

describe('the refund worker when WeChat Pay takes time to return the money', () => {
  let shop: ShopUnderTest<SandboxPaymentProvider>;
  beforeAll(async () => {
    shop = await openShop({ sandbox: { refundsCompleteImmediately: false } });
  });
  afterAll(async () => {
    await shop.close();
  });

  it('leaves the refund processing and the order open until WeChat confirms it', async () => {
    const { order, request } = await paidOrderWithRefundRequest(shop.app);

    await approveAfterSale(shop.app, request.id);

    expect((await refundsOf(shop.app, order.id)).map((r) => r.status)).toEqual(['processing']);
    expect(await afterSaleStatusOf(shop.app, request.id)).toBe('approved');
    expect((await orderRow(shop.app, order.id)).status).toBe('to_ship');
  });

  it("finishes the refund and closes the order as refunded when WeChat's refund notify arrives", async () => {
    const { order, request } = await paidOrderWithRefundRequest(shop.app);
    await approveAfterSale(shop.app, request.id);
    const [refund] = await refundsOf(shop.app, order.id);

    const res = await deliverNotify(shop.app, await shop.sandbox.completeRefund(refund!.outRefundNo));

    expect(res.statusCode).toBe(204);
    expect((await refundsOf(shop.app, order.id))[0]).toMatchObject({ status: 'succeeded', providerRefundId: refund!.providerRefundId });
    expect(await afterSaleStatusOf(shop.app, request.id)).toBe('refunded');
    expect(await orderRow(shop.app, order.id)).toMatchObject({ status: 'refunded', refundedAmount: order.payable });
  });

  it('changes nothing when the same refund notify is delivered twice', async () => {
    const { order, request } = await paidOrderWithRefundRequest(shop.app);
    await approveAfterSale(shop.app, request.id);
    const [refund] = await refundsOf(shop.app, order.id);
    const notify = await shop.sandbox.completeRefund(refund!.outRefundNo);
    await deliverNotify(shop.app, notify);
    const before = { order: await orderRow(shop.app, order.id), events: await eventsOf(shop.app, order.id), refunds: await refundsOf(shop.app, order.id) };

    shop.clock.advance(seconds(30));
    expect((await deliverNotify(shop.app, notify)).statusCode).toBe(204);

    expect({ order: await orderRow(shop.app, order.id), events: await eventsOf(shop.app, order.id), refunds: await refundsOf(shop.app, order.id) }).toEqual(before);
  });

  it('asks after a refund still processing once per run, without holding back refunds waiting to be sent', async () => {
    const { app, clock } = shop;
    const slow = await paidOrderWithRefundRequest(shop.app);
    await approveAfterSale(app, slow.request.id);
    const [sent] = await refundsOf(app, slow.order.id);
    clock.advance(sent!.nextAttemptAt.getTime() - clock.now().getTime() + seconds(1));
    const waiting = await paidOrderWithRefundRequest(shop.app);
    // Approved without the console route, so its refund waits for the worker, due after the slow one.
    await approveDirectly(app, { afterSaleId: waiting.request.id, actor: { kind: 'staff', id: null }, note: '' });

    await processDueRefunds(app);

    const [asked] = await refundsOf(app, slow.order.id);
    expect(asked).toMatchObject({ status: 'processing', attempts: sent!.attempts + 1 });
    expect(asked!.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
    expect((await refundsOf(app, waiting.order.id)).map((r) => r.status)).toEqual(['processing']);
  });

  it("keeps every order's money consistent and its status history on the transition table", async () => {
    expect(await moneyProblems(shop.app)).toEqual([]);
    expect(await statusHistoryProblems(shop.app)).toEqual([]);
  });
});
