import type { OrderDetail } from '@linli/shared/schemas/order';
import { applyConfirmedPayment } from '../../src/modules/payments/apply-payment';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import type { SignedNotify } from '../../src/modules/payments/providers/wechatpay/fake-wechatpay-server';
import { AppError } from '../../src/plugins/errors';
import { createProduct, createShopper } from '../fixtures';
import { moneyProblems, statusHistoryProblems } from './order-invariants';
import { eventsOf, orderRow, paymentOf } from './shop-records';
import { openShop, type ShopUnderTest } from './shop-under-test';
import { deliverNotify, placeOrder, prepay } from './shopping-steps';

let shop: ShopUnderTest<SandboxPaymentProvider>;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => {
  await shop.close();
});

/** A prepaid order and the genuine notify WeChat signed when the shopper paid it (not delivered yet). */
async function paidOrderWithNotify(): Promise<{ order: OrderDetail; notify: SignedNotify }> {
  const { app, sandbox } = shop;
  const shopper = await createShopper(app);
  const { skuIds } = await createProduct(app, { price: 4590 });
  const order = await placeOrder(app, shopper, skuIds[0]!);
  await prepay(app, shopper, order.id);
  return { order, notify: await sandbox.confirmPayment(order.orderNo) };
}

function withHeader(notify: SignedNotify, name: string, edit: (value: string) => string): SignedNotify {
  const headers = Object.fromEntries(Object.entries(notify.headers).map(([k, v]) => [k, k.toLowerCase() === name.toLowerCase() ? edit(v) : v]));
  return { headers, body: notify.body };
}

/** One character changed at `index`, to another character of the same kind (so JSON and base64 stay well-formed). */
function flipCharAt(text: string, index: number): string {
  const c = text[index];
  return `${text.slice(0, index)}${c === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`;
}

async function expectUnpaid(orderId: string): Promise<void> {
  expect((await orderRow(shop.app, orderId)).status).toBe('pending_payment');
  expect(await paymentOf(shop.app, orderId)).toMatchObject({ status: 'prepaid', transactionId: null, paidAt: null });
  expect((await eventsOf(shop.app, orderId)).map((e) => e.action)).toEqual(['place']);
}

describe('the payment notify route', () => {
  it('accepts the genuine notify as WeChat signed it', async () => {
    const { order, notify } = await paidOrderWithNotify();

    expect((await deliverNotify(shop.app, notify)).statusCode).toBe(204);

    expect((await orderRow(shop.app, order.id)).status).toBe('to_ship');
  });

  const tamperings: Array<[string, string, (notify: SignedNotify) => SignedNotify]> = [
    ['a body with one byte changed', 'BAD_SIGNATURE', (n) => ({ headers: n.headers, body: flipCharAt(n.body, n.body.indexOf('"ciphertext":"') + 20) })],
    ['a tampered signature', 'BAD_SIGNATURE', (n) => withHeader(n, 'Wechatpay-Signature', (s) => flipCharAt(s, 40))],
    ['a platform key serial we do not know', 'UNKNOWN_SERIAL', (n) => withHeader(n, 'Wechatpay-Serial', () => 'F'.repeat(40))],
    ['no signature headers and a body that is not a notify', 'MALFORMED', () => ({ headers: { 'content-type': 'text/plain' }, body: 'SUCCESS' })],
  ];

  it.each(tamperings)('rejects %s with 401 NOTIFY_REJECTED and leaves the order unpaid', async (_what, reason, tamper) => {
    const { order, notify } = await paidOrderWithNotify();

    const res = await deliverNotify(shop.app, tamper(notify));

    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'NOTIFY_REJECTED', message: expect.stringContaining(reason) } });
    await expectUnpaid(order.id);
  });

  it("rejects another payment's genuine body under this notify's signature", async () => {
    const first = await paidOrderWithNotify();
    const second = await paidOrderWithNotify();

    const res = await deliverNotify(shop.app, { headers: first.notify.headers, body: second.notify.body });

    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('NOTIFY_REJECTED');
    await expectUnpaid(first.order.id);
    await expectUnpaid(second.order.id);
  });

  it('rejects a notify whose timestamp is more than 5 minutes old', async () => {
    const { order, notify } = await paidOrderWithNotify();

    shop.clock.advance(6 * 60_000);
    const res = await deliverNotify(shop.app, notify);

    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'NOTIFY_REJECTED', message: expect.stringContaining('STALE_TIMESTAMP') });
    await expectUnpaid(order.id);
  });
});

describe('applying a confirmed payment', () => {
  it('refuses an amount other than the order payable with AMOUNT_MISMATCH and changes nothing', async () => {
    const { order } = await paidOrderWithNotify();
    const paid = { outTradeNo: order.orderNo, transactionId: '4200000000000000000000000001', amount: order.payable - 1, payerOpenid: 'o-someone', successTime: shop.clock.now() };

    const error = await applyConfirmedPayment(shop.app, paid).then(
      () => null,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ statusCode: 400, code: 'AMOUNT_MISMATCH' });
    await expectUnpaid(order.id);
  });
});

describe('after these notifies', () => {
  it("keeps every order's money consistent and its status history on the transition table", async () => {
    expect(await moneyProblems(shop.app)).toEqual([]);
    expect(await statusHistoryProblems(shop.app)).toEqual([]);
  });
});
