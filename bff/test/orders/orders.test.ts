import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { skus } from '../../src/modules/catalog/tables';
import { orderEvents, orders } from '../../src/modules/orders/tables';
import { address, createProduct, createShopper, createStaffMember, idempotencyKey } from '../fixtures';
import { createCampaign, placeGroupOrder } from '../group-buys/seat-fixtures';
import { buildTestApp } from '../helper';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

async function stockOf(skuId: string) {
  const [row] = await app.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, skuId));
  return row!.stock;
}

function place(headers: Record<string, string>, body: unknown, key = idempotencyKey()) {
  return app.inject({ method: 'POST', url: '/api/orders', headers: { ...headers, 'idempotency-key': key }, payload: body as object });
}

describe('placing an order', () => {
  it('takes stock, prices the order and starts it pending payment', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 10, price: 2500 });
    const res = await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 2 }], address });
    expect(res.statusCode).toBe(201);
    const order = res.json();
    expect(order.status).toBe('pending_payment');
    expect(order.itemsTotal).toBe(5000);
    expect(order.shippingFee).toBe(800);
    expect(order.payable).toBe(5800);
    expect(order.lines[0].payable).toBe(5000);
    expect(order.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['pending_payment']);
    expect(await stockOf(skuIds[0]!)).toBe(8);
  });

  it('ships free once the goods reach the free-shipping threshold', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { price: 9900 });
    const res = await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }], address });
    expect(res.json().shippingFee).toBe(0);
    expect(res.json().payable).toBe(9900);
  });

  it('replays the same order for the same key and body', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 10 });
    const body = { lines: [{ skuId: skuIds[0], quantity: 1 }], address };
    const key = idempotencyKey();
    const first = await place(shopper.headers, body, key);
    const second = await place(shopper.headers, body, key);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(await stockOf(skuIds[0]!)).toBe(9);
  });

  it('answers 422 when a key is reused with another body', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 10 });
    const key = idempotencyKey();
    await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }], address }, key);
    const res = await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 2 }], address }, key);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await stockOf(skuIds[0]!)).toBe(9);
  });

  it('refuses an order above the stock and writes nothing', async () => {
    const shopper = await createShopper(app);
    const a = await createProduct(app, { stock: 5 });
    const b = await createProduct(app, { stock: 1 });
    const res = await place(shopper.headers, { lines: [{ skuId: a.skuIds[0], quantity: 2 }, { skuId: b.skuIds[0], quantity: 2 }], address });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INSUFFICIENT_STOCK');
    expect(await stockOf(a.skuIds[0]!)).toBe(5);
    expect(await app.db.select().from(orders).where(eq(orders.userId, shopper.userId))).toHaveLength(0);
  });

  it('refuses a product that is off the shelf', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { onShelf: false });
    const res = await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }], address });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SKU_UNAVAILABLE');
  });

  it('merges repeated lines of one SKU into one line', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 10 });
    const res = await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }, { skuId: skuIds[0], quantity: 2 }], address });
    expect(res.json().lines).toHaveLength(1);
    expect(res.json().lines[0].quantity).toBe(3);
    expect(await stockOf(skuIds[0]!)).toBe(7);
  });
});

describe('attribution', () => {
  it('records the share the shopper arrived through, and ignores an unknown one without failing the order', async () => {
    const sharer = await createShopper(app, 'sharer');
    const buyer = await createShopper(app, 'buyer');
    const { productId, skuIds } = await createProduct(app);
    const share = (await app.inject({ method: 'POST', url: '/api/shares', headers: sharer.headers, payload: { kind: 'product', targetId: productId, channel: 'chat' } })).json();
    const attributed = (await place(buyer.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }], address, shareId: share.shareId })).json();
    const forged = await place(buyer.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }], address, shareId: 'notARealShare1' });
    expect(forged.statusCode).toBe(201);
    const rows = await app.db.select({ id: orders.id, shareId: orders.shareId }).from(orders).where(eq(orders.userId, buyer.userId));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.shareId]))).toEqual({ [attributed.id]: share.shareId, [forged.json().id]: null });
  });
});

describe('the order life cycle', () => {
  async function paidOrder() {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 10, price: 3000 });
    const order = (await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 2 }], address })).json();
    const pay = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/pay`, headers: shopper.headers });
    expect(pay.statusCode).toBe(200);
    const confirm = await app.inject({ method: 'POST', url: `/api/payments/sandbox/orders/${order.id}/confirm`, headers: shopper.headers });
    expect(confirm.statusCode).toBe(200);
    return { shopper, skuId: skuIds[0]!, order: confirm.json() };
  }

  it('pays through the sandbox notify and waits for shipment', async () => {
    const { order } = await paidOrder();
    expect(order.status).toBe('to_ship');
    expect(order.paidAt).not.toBeNull();
    expect(order.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['pending_payment', 'paid', 'to_ship']);
  });

  it('returns wx.requestPayment parameters signed with RSA', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app);
    const order = (await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }], address })).json();
    const res = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/pay`, headers: shopper.headers });
    expect(res.json().requestPayment).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });
    expect(res.json().requestPayment.paySign.length).toBeGreaterThan(100);
  });

  it('cancels an unpaid order and gives its stock back', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 4 });
    const order = (await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 3 }], address })).json();
    expect(await stockOf(skuIds[0]!)).toBe(1);
    const res = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/cancel`, headers: shopper.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect(await stockOf(skuIds[0]!)).toBe(4);
  });

  it('refuses to cancel a paid order', async () => {
    const { shopper, order } = await paidOrder();
    const res = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/cancel`, headers: shopper.headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORDER_NOT_CANCELLABLE');
  });

  it('is shipped by staff with carrier and tracking number, then confirmed by the shopper', async () => {
    const { shopper, order } = await paidOrder();
    const operator = await createStaffMember(app, 'operator');
    const shipped = await app.inject({
      method: 'POST',
      url: `/api/console/orders/${order.id}/ship`,
      headers: operator.headers,
      payload: { carrier: '顺丰速运', trackingNo: 'SF1234567890' },
    });
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json()).toMatchObject({ status: 'shipped', carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    const mine = await app.inject({ method: 'GET', url: `/api/orders/${order.id}`, headers: shopper.headers });
    expect(mine.json().trackingNo).toBe('SF1234567890');
    const done = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/confirm-receipt`, headers: shopper.headers });
    expect(done.json().status).toBe('completed');
  });

  it('refunds a whole unshipped order, shipping included, and returns the stock', async () => {
    const { shopper, order, skuId } = await paidOrder();
    const requested = await app.inject({ method: 'POST', url: `/api/orders/${order.id}/after-sales`, headers: shopper.headers, payload: { reason: '不想要了' } });
    expect(requested.statusCode).toBe(201);
    expect(requested.json().amount).toBe(order.payable);
    const service = await createStaffMember(app, 'service');
    const approved = await app.inject({ method: 'POST', url: `/api/console/after-sales/${requested.json().id}/approve`, headers: service.headers, payload: {} });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('refunded');
    const after = (await app.inject({ method: 'GET', url: `/api/orders/${order.id}`, headers: shopper.headers })).json();
    expect(after.status).toBe('refunded');
    expect(after.refundedAmount).toBe(order.payable);
    expect(await stockOf(skuId)).toBe(10);
  });

  it('refunds part of a line pro rata and keeps the order open', async () => {
    const { shopper, order } = await paidOrder();
    const line = order.lines[0];
    const requested = await app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/after-sales`,
      headers: shopper.headers,
      payload: { reason: '少发一件', lines: [{ orderLineId: line.id, quantity: 1 }] },
    });
    expect(requested.json().amount).toBe(line.payable / 2);
    const owner = await createStaffMember(app, 'owner');
    await app.inject({ method: 'POST', url: `/api/console/after-sales/${requested.json().id}/approve`, headers: owner.headers, payload: {} });
    const after = (await app.inject({ method: 'GET', url: `/api/orders/${order.id}`, headers: shopper.headers })).json();
    expect(after.status).toBe('to_ship');
    expect(after.refundedAmount).toBe(line.payable / 2);
    expect(after.lines[0].refundedQuantity).toBe(1);
  });

  it("shows the shopper their order's after-sale requests newest first, with the decision", async () => {
    const { shopper, order } = await paidOrder();
    const url = `/api/orders/${order.id}/after-sales`;
    expect((await app.inject({ method: 'GET', url, headers: shopper.headers })).json()).toEqual({ items: [] });
    const line = order.lines[0];
    const first = (await app.inject({ method: 'POST', url, headers: shopper.headers, payload: { reason: '少发一件', lines: [{ orderLineId: line.id, quantity: 1 }] } })).json();
    const service = await createStaffMember(app, 'service');
    await app.inject({ method: 'POST', url: `/api/console/after-sales/${first.id}/reject`, headers: service.headers, payload: { note: '已核实发货数量' } });
    const second = (await app.inject({ method: 'POST', url, headers: shopper.headers, payload: { reason: '不想要了' } })).json();
    const res = await app.inject({ method: 'GET', url, headers: shopper.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((a: { id: string; status: string; decisionNote: string }) => [a.id, a.status, a.decisionNote])).toEqual([
      [second.id, 'requested', ''],
      [first.id, 'rejected', '已核实发货数量'],
    ]);
  });

  it('does not let a shopper refund more units than were bought', async () => {
    const { shopper, order } = await paidOrder();
    const res = await app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/after-sales`,
      headers: shopper.headers,
      payload: { reason: 'x', lines: [{ orderLineId: order.lines[0].id, quantity: 3 }] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REFUND_QUANTITY_EXCEEDED');
  });

  it('does not ship while an after-sale request is open', async () => {
    const { shopper, order } = await paidOrder();
    await app.inject({ method: 'POST', url: `/api/orders/${order.id}/after-sales`, headers: shopper.headers, payload: { reason: '不想要了' } });
    const operator = await createStaffMember(app, 'operator');
    const res = await app.inject({ method: 'POST', url: `/api/console/orders/${order.id}/ship`, headers: operator.headers, payload: { carrier: '中通', trackingNo: 'ZT000111' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('AFTER_SALE_OPEN');
  });

  it('logs every transition with its actor', async () => {
    const { order } = await paidOrder();
    const events = await app.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events.map((e) => [e.action, e.actorKind])).toEqual([
      ['place', 'shopper'],
      ['pay', 'provider'],
      ['releaseToShip', 'system'],
    ]);
  });
});

describe('listing orders', () => {
  it("pages a shopper's orders newest first without repeats or gaps, and filters by status", async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app, { stock: 50 });
    const placed: string[] = [];
    for (let i = 0; i < 7; i++) placed.push((await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }], address })).json().id);
    await app.inject({ method: 'POST', url: `/api/orders/${placed[0]}/cancel`, headers: shopper.headers });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { json: () => { items: Array<{ id: string }>; nextCursor: string | null } } = await app.inject({ method: 'GET', url: `/api/orders?limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: shopper.headers });
      seen.push(...res.json().items.map((o: { id: string }) => o.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    // Orders placed within one millisecond tie on created_at and are then ordered by id.
    expect(seen).toHaveLength(placed.length);
    expect([...seen].sort()).toEqual([...placed].sort());
    const cancelled = await app.inject({ method: 'GET', url: '/api/orders?status=cancelled', headers: shopper.headers });
    expect(cancelled.json().items.map((o: { id: string }) => o.id)).toEqual([placed[0]]);
  });

  it('links a group order to its group and leaves an ordinary order without one', async () => {
    const shopper = await createShopper(app);
    const { skuIds } = await createProduct(app);
    const ordinary = (await place(shopper.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }], address })).json();
    const campaign = await createCampaign(app);
    const grouped = (await placeGroupOrder(app, shopper.headers, campaign)).json();
    const items: Array<{ id: string; groupId: string | null }> = (await app.inject({ method: 'GET', url: '/api/orders', headers: shopper.headers })).json().items;
    expect(items.find((o) => o.id === ordinary.id)?.groupId).toBeNull();
    expect(items.find((o) => o.id === grouped.id)?.groupId).toBe(grouped.groupId);
    expect(grouped.groupId).not.toBeNull();
  });

  it('rejects a forged cursor with the error shape', async () => {
    const shopper = await createShopper(app);
    const res = await app.inject({ method: 'GET', url: '/api/orders?cursor=bm90LWEtY3Vyc29y', headers: shopper.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_CURSOR');
  });
});

describe('ownership', () => {
  it("hides shopper A's order from shopper B: read, cancel, pay and refund all answer 404", async () => {
    const a = await createShopper(app, 'a');
    const b = await createShopper(app, 'b');
    const { skuIds } = await createProduct(app);
    const order = (await place(a.headers, { lines: [{ skuId: skuIds[0], quantity: 1 }], address })).json();
    for (const [method, url, payload] of [
      ['GET', `/api/orders/${order.id}`, undefined],
      ['POST', `/api/orders/${order.id}/cancel`, undefined],
      ['POST', `/api/orders/${order.id}/pay`, undefined],
      ['POST', `/api/payments/sandbox/orders/${order.id}/confirm`, undefined],
      ['POST', `/api/orders/${order.id}/confirm-receipt`, undefined],
      ['POST', `/api/orders/${order.id}/after-sales`, { reason: 'x' }],
      ['GET', `/api/orders/${order.id}/after-sales`, undefined],
    ] as const) {
      const res = await app.inject({ method, url, headers: b.headers, ...(payload ? { payload } : {}) });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
    }
    const list = await app.inject({ method: 'GET', url: '/api/orders', headers: b.headers });
    expect(list.json().items).toHaveLength(0);
    const [still] = await app.db.select().from(orders).where(eq(orders.id, order.id));
    expect(still!.status).toBe('pending_payment');
  });
});
