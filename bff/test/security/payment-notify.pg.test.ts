import type { OrderDetail } from '@linli/shared/schemas/order';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import type { SignedNotify } from '../../src/modules/payments/providers/wechatpay/fake-wechatpay-server';
import { createProduct, createShopper } from '../fixtures';
import { moneyProblems, statusHistoryProblems } from '../payments/order-invariants';
import { eventsOf, orderRow, paymentOf, stockOf } from '../payments/shop-records';
import { openShop, type ShopUnderTest } from '../payments/shop-under-test';
import { deliverNotify, placeOrder, prepay } from '../payments/shopping-steps';
import { describeOnPostgres, freshDatabase } from '../pg-database';

/**
 * WeChat Pay notifies replayed, skewed and altered, on a real PostgreSQL server (a replay racing
 * itself is a race only a real server can lose). The single alterations the route refuses one by one
 * (a body byte, the signature, an unknown serial, a stale timestamp) are in
 * test/payments/notify-route.test.ts; here each header and many body positions, in one sweep.
 */

const figures = { tried: 0, applied: 0 };

describeOnPostgres('payment notifies on PostgreSQL', () => {
  let shop: ShopUnderTest<SandboxPaymentProvider>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await freshDatabase();
    drop = database.drop;
    shop = await openShop({ env: { DATABASE_URL: database.url, DATABASE_POOL_MAX: '10' } });
  });
  afterAll(async () => {
    await shop?.close();
    await drop?.();
    console.log(`payment notify: ${figures.tried} notifies tried (replays, skewed, altered), ${figures.applied} payments applied, each once`);
  });

  /** A prepaid order and the genuine notify WeChat signed when the shopper paid it (not delivered yet). */
  async function paidOrderWithNotify(): Promise<{ order: OrderDetail; skuId: string; notify: SignedNotify }> {
    const shopper = await createShopper(shop.app);
    const { skuIds } = await createProduct(shop.app, { price: 3990, stock: 10 });
    const order = await placeOrder(shop.app, shopper, skuIds[0]!);
    await prepay(shop.app, shopper, order.id);
    return { order, skuId: skuIds[0]!, notify: await shop.sandbox.confirmPayment(order.orderNo) };
  }

  function deliver(notify: SignedNotify) {
    figures.tried += 1;
    return deliverNotify(shop.app, notify);
  }

  function withHeader(notify: SignedNotify, name: string, value: string): SignedNotify {
    const headers = Object.fromEntries(Object.entries(notify.headers).map(([k, v]) => [k, k.toLowerCase() === name ? value : v]));
    return { headers, body: notify.body };
  }

  function headerOf(notify: SignedNotify, name: string): string {
    return Object.entries(notify.headers).find(([k]) => k.toLowerCase() === name)![1];
  }

  /** One character at `index` swapped for another of the same kind, so JSON and base64 stay well-formed. */
  function flipAt(text: string, index: number): string {
    const c = text[index]!;
    const other = /\d/.test(c) ? String((Number(c) + 1) % 10) : c === 'A' ? 'B' : 'A';
    return `${text.slice(0, index)}${other}${text.slice(index + 1)}`;
  }

  async function expectUnpaid(orderId: string): Promise<void> {
    expect((await orderRow(shop.app, orderId)).status).toBe('pending_payment');
    expect(await paymentOf(shop.app, orderId)).toMatchObject({ status: 'prepaid', transactionId: null, paidAt: null });
  }

  it('applies a notify delivered eight times at once exactly once, and answers every delivery 204', async () => {
    const { order, skuId, notify } = await paidOrderWithNotify();
    const stock = await stockOf(shop.app, skuId);

    const answers = await Promise.all(Array.from({ length: 8 }, () => deliver(notify)));
    const later = await deliver(notify);
    figures.applied += 1;

    expect([...answers, later].map((r) => r.statusCode)).toEqual(Array(9).fill(204));
    expect((await orderRow(shop.app, order.id)).status).toBe('to_ship');
    expect((await eventsOf(shop.app, order.id)).map((e) => e.action)).toEqual(['place', 'pay', 'releaseToShip']);
    expect(await stockOf(shop.app, skuId)).toBe(stock);
  });

  it('refuses a notify stamped more than 5 minutes before or after its arrival, and accepts one 4 minutes late', async () => {
    const early = await paidOrderWithNotify();
    shop.clock.advance(-6 * 60_000);
    const fromTheFuture = await deliver(early.notify);
    shop.clock.advance(6 * 60_000);

    const late = await paidOrderWithNotify();
    shop.clock.advance(6 * 60_000);
    const stale = await deliver(late.notify);

    const inTime = await paidOrderWithNotify();
    shop.clock.advance(4 * 60_000);
    const accepted = await deliver(inTime.notify);
    figures.applied += 1;

    for (const res of [fromTheFuture, stale]) expect(res.json()).toEqual({ error: { code: 'NOTIFY_REJECTED', message: expect.stringContaining('STALE_TIMESTAMP') } });
    await expectUnpaid(early.order.id);
    await expectUnpaid(late.order.id);
    expect(accepted.statusCode).toBe(204);
  });

  it('refuses the notify with any one header or any sampled body position altered, and writes nothing', async () => {
    const { order, notify } = await paidOrderWithNotify();
    const timestamp = headerOf(notify, 'wechatpay-timestamp');
    const signature = headerOf(notify, 'wechatpay-signature');
    const bodyPositions = Array.from({ length: 24 }, (_, i) => Math.floor(((i + 0.5) * notify.body.length) / 24));
    const altered: Array<[string, SignedNotify]> = [
      ['timestamp one second later', withHeader(notify, 'wechatpay-timestamp', String(Number(timestamp) + 1))],
      ['another nonce', withHeader(notify, 'wechatpay-nonce', flipAt(headerOf(notify, 'wechatpay-nonce'), 0))],
      ['unknown serial', withHeader(notify, 'wechatpay-serial', 'F'.repeat(40))],
      ['no signature', withHeader(notify, 'wechatpay-signature', '')],
      // Not the last base64 character before the padding: its low bits are padding too, so changing them
      // leaves the signature's bytes as they were.
      ...[0, 10, Math.floor(signature.length / 2)].map((i): [string, SignedNotify] => [`signature character ${i}`, withHeader(notify, 'wechatpay-signature', flipAt(signature, i))]),
      ...bodyPositions.map((i): [string, SignedNotify] => [`body character ${i}`, { headers: notify.headers, body: flipAt(notify.body, i) }]),
    ];

    const accepted: string[] = [];
    for (const [what, forged] of altered) {
      const res = await deliver(forged);
      if (res.statusCode !== 401 || res.json().error.code !== 'NOTIFY_REJECTED') accepted.push(`${what}: ${res.statusCode} ${res.body}`);
    }

    expect(accepted).toEqual([]);
    await expectUnpaid(order.id);
    expect((await deliver(notify)).statusCode).toBe(204);
    figures.applied += 1;
  });

  it('leaves every order’s money consistent and its history on the transition table', async () => {
    expect(await moneyProblems(shop.app)).toEqual([]);
    expect(await statusHistoryProblems(shop.app)).toEqual([]);
  });
});
