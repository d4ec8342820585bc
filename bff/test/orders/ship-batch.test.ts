import { eq, inArray } from 'drizzle-orm';
import type { ShipBatchAnswer } from '@linli/shared/schemas/order';
import type { App } from '../../src/app';
import { orderEvents, orders } from '../../src/modules/orders/tables';
import { createShopper, createStaffMember } from '../fixtures';
import { buildTestApp } from '../helper';
import { toShipOrder } from './console-order-fixtures';

let app: App;
let operator: { staffId: string; headers: { authorization: string } };
beforeAll(async () => {
  app = await buildTestApp();
  operator = await createStaffMember(app, 'operator');
});
afterAll(async () => {
  await app.close();
});

const unknownOrderId = '00000000-0000-4000-8000-00000000abcd';

function shipBatch(shipments: unknown[]) {
  return app.inject({ method: 'POST', url: '/api/console/orders/ship-batch', headers: operator.headers, payload: { shipments } });
}

async function stateOf(ids: string[]) {
  const rows = await app.db.select({ id: orders.id, status: orders.status, carrier: orders.carrier, trackingNo: orders.trackingNo }).from(orders).where(inArray(orders.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, [r.status, r.carrier, r.trackingNo]]));
}

async function shipEventsOf(orderId: string) {
  return app.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).then((events) => events.filter((e) => e.action === 'ship'));
}

describe('batch shipping', () => {
  it('ships exactly the shippable lines of a mixed batch, each logged, and says why the others failed', async () => {
    const shopper = await createShopper(app);
    const first = await toShipOrder(app, shopper.headers);
    const alreadyShipped = await toShipOrder(app, shopper.headers);
    const last = await toShipOrder(app, shopper.headers);
    const once = await shipBatch([{ orderId: alreadyShipped.id, carrier: '中通快递', trackingNo: '73100000000001' }]);
    expect(once.json<ShipBatchAnswer>().results).toEqual([{ orderId: alreadyShipped.id, outcome: 'shipped' }]);

    const res = await shipBatch([
      { orderId: first.id, carrier: '顺丰速运', trackingNo: 'SF1000000001' },
      { orderId: alreadyShipped.id, carrier: '顺丰速运', trackingNo: 'SF1000000002' },
      { orderId: unknownOrderId, carrier: '顺丰速运', trackingNo: 'SF1000000003' },
      { orderId: last.id, carrier: '圆通速递', trackingNo: 'YT1000000004' },
    ]);

    expect(res.statusCode).toBe(200);
    expect(res.json<ShipBatchAnswer>().results).toEqual([
      { orderId: first.id, outcome: 'shipped' },
      { orderId: alreadyShipped.id, outcome: 'failed', error: { code: 'ORDER_NOT_SHIPPABLE', message: '订单当前状态不能发货' } },
      { orderId: unknownOrderId, outcome: 'failed', error: { code: 'NOT_FOUND', message: '订单不存在' } },
      { orderId: last.id, outcome: 'shipped' },
    ]);
    expect(await stateOf([first.id, alreadyShipped.id, last.id])).toEqual({
      [first.id]: ['shipped', '顺丰速运', 'SF1000000001'],
      [alreadyShipped.id]: ['shipped', '中通快递', '73100000000001'],
      [last.id]: ['shipped', '圆通速递', 'YT1000000004'],
    });
    for (const [order, note] of [
      [first, '顺丰速运 SF1000000001'],
      [alreadyShipped, '中通快递 73100000000001'],
      [last, '圆通速递 YT1000000004'],
    ] as const) {
      expect((await shipEventsOf(order.id)).map((e) => [e.fromStatus, e.toStatus, e.actorKind, e.actorId, e.note])).toEqual([['to_ship', 'shipped', 'staff', operator.staffId, note]]);
    }
  });

  it('refuses a batch that names an order twice, and ships none of it', async () => {
    const shopper = await createShopper(app);
    const a = await toShipOrder(app, shopper.headers);
    const b = await toShipOrder(app, shopper.headers);
    const res = await shipBatch([
      { orderId: a.id, carrier: '顺丰速运', trackingNo: 'SF2000000001' },
      { orderId: b.id, carrier: '顺丰速运', trackingNo: 'SF2000000002' },
      { orderId: a.id, carrier: '顺丰速运', trackingNo: 'SF2000000003' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'DUPLICATE_ORDER_IN_BATCH', details: [{ path: 'body/shipments/2/orderId' }] });
    expect(await stateOf([a.id, b.id])).toEqual({ [a.id]: ['to_ship', null, null], [b.id]: ['to_ship', null, null] });
    expect(await shipEventsOf(a.id)).toEqual([]);
  });

  it('refuses the whole batch when one line breaks the shipping rules, pointing at that line', async () => {
    const shopper = await createShopper(app);
    const good = await toShipOrder(app, shopper.headers);
    const res = await shipBatch([
      { orderId: good.id, carrier: '顺丰速运', trackingNo: 'SF3000000001' },
      { orderId: unknownOrderId, carrier: '顺丰速运', trackingNo: 'SF 3000' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('body/shipments/1/trackingNo');
    expect(await stateOf([good.id])).toEqual({ [good.id]: ['to_ship', null, null] });
  });

  it('takes 1 to 100 lines and no fields beyond orderId, carrier and trackingNo', async () => {
    const line = { orderId: unknownOrderId, carrier: '顺丰速运', trackingNo: 'SF4000000001' };
    expect((await shipBatch([])).statusCode).toBe(400);
    expect((await shipBatch(Array.from({ length: 101 }, () => line))).statusCode).toBe(400);
    expect((await shipBatch([{ ...line, status: 'completed' }])).statusCode).toBe(400);
  });
});
