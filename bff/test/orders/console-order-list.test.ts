import { eq } from 'drizzle-orm';
import type { ConsoleOrderPage } from '@linli/shared/schemas/order';
import type { App } from '../../src/app';
import { users } from '../../src/modules/users/tables';
import { address, createProduct, createShopper, createStaffMember, idempotencyKey } from '../fixtures';
import { createCampaign, placeGroupOrder } from '../group-buys/seat-fixtures';
import { buildTestApp } from '../helper';
import { placeAt } from './console-order-fixtures';

let app: App;
let owner: { headers: { authorization: string } };
let skuId: string;
beforeAll(async () => {
  app = await buildTestApp();
  owner = await createStaffMember(app, 'owner');
  skuId = (await createProduct(app, { stock: 500 })).skuIds[0]!;
});
afterAll(async () => {
  await app.close();
});

async function placeOrder(headers: Record<string, string>, shipTo = address): Promise<{ id: string; orderNo: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/orders', headers: { ...headers, 'idempotency-key': idempotencyKey() }, payload: { lines: [{ skuId, quantity: 1 }], address: shipTo } });
  return res.json();
}

async function list(query: Record<string, string>, headers = owner.headers) {
  return app.inject({ method: 'GET', url: `/api/console/orders?${new URLSearchParams(query).toString()}`, headers });
}

async function idsOf(query: Record<string, string>): Promise<string[]> {
  const res = await list(query);
  expect(res.statusCode).toBe(200);
  return res.json<ConsoleOrderPage>().items.map((o) => o.id);
}

describe('the console order list filters', () => {
  it('finds the orders placed on a range of Shanghai days, both ends included', async () => {
    const shopper = await createShopper(app);
    const [lateOnNov30, startOfDec1, lateOnDec2, startOfDec3] = [await placeOrder(shopper.headers), await placeOrder(shopper.headers), await placeOrder(shopper.headers), await placeOrder(shopper.headers)];
    await placeAt(app, lateOnNov30!.id, '2026-11-30T15:59:59.999Z');
    await placeAt(app, startOfDec1!.id, '2026-11-30T16:00:00.000Z');
    await placeAt(app, lateOnDec2!.id, '2026-12-02T15:59:59.999Z');
    await placeAt(app, startOfDec3!.id, '2026-12-02T16:00:00.000Z');
    expect(await idsOf({ userId: shopper.userId, from: '2026-12-01', to: '2026-12-02' })).toEqual([lateOnDec2!.id, startOfDec1!.id]);
    expect(await idsOf({ userId: shopper.userId, from: '2026-12-03' })).toEqual([startOfDec3!.id]);
    expect(await idsOf({ userId: shopper.userId, to: '2026-11-30' })).toEqual([lateOnNov30!.id]);
  });

  it('refuses a range that ends before it starts, and a day that does not exist', async () => {
    const backwards = await list({ from: '2026-12-02', to: '2026-12-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('ORDER_DATE_RANGE_INVALID');
    const noSuchDay = await list({ from: '2026-02-30' });
    expect(noSuchDay.statusCode).toBe(400);
    expect(noSuchDay.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lists the orders of one group, and only those', async () => {
    const campaign = await createCampaign(app);
    const leader = await createShopper(app);
    const joiner = await createShopper(app);
    const opened = (await placeGroupOrder(app, leader.headers, campaign)).json();
    const joined = (await placeGroupOrder(app, joiner.headers, { ...campaign, groupId: opened.groupId })).json();
    await placeGroupOrder(app, (await createShopper(app)).headers, campaign);
    expect((await idsOf({ groupId: opened.groupId })).sort()).toEqual([opened.id, joined.id].sort());
  });

  it("finds a buyer by the account's phone or the recipient's phone, typed with spaces or dashes", async () => {
    const bound = await createShopper(app);
    await app.db.update(users).set({ phone: '13911112222' }).where(eq(users.id, bound.userId));
    const byAccount = await placeOrder(bound.headers);
    const byParcel = await placeOrder((await createShopper(app)).headers, { ...address, phone: '139 1111 2222' });
    await placeOrder((await createShopper(app)).headers, { ...address, phone: '13911112223' });
    expect((await idsOf({ buyer: '139-1111-2222' })).sort()).toEqual([byAccount.id, byParcel.id].sort());
  });

  it('finds a buyer by part of the nickname, reading % and _ literally', async () => {
    const xiaoman = await createShopper(app, '林小满_2026');
    const hers = await placeOrder(xiaoman.headers);
    await placeOrder((await createShopper(app, '周一一')).headers);
    expect(await idsOf({ buyer: '小满' })).toEqual([hers.id]);
    expect(await idsOf({ buyer: '满_2' })).toEqual([hers.id]);
    expect(await idsOf({ buyer: '%' })).toEqual([]);
  });

  it('pages through combined filters newest first, each order once, with the cursor the filters gave', async () => {
    const shopper = await createShopper(app, '翻页买家');
    const inRange: string[] = [];
    for (let i = 0; i < 7; i++) {
      const order = await placeOrder(shopper.headers);
      // Two orders share each instant: the cursor must break the tie by id.
      await placeAt(app, order.id, `2026-10-0${2 + Math.floor(i / 2)}T02:00:00.000Z`);
      inRange.push(order.id);
    }
    const outside = await placeOrder(shopper.headers);
    await placeAt(app, outside.id, '2026-10-01T15:59:59.999Z');
    const filters = { buyer: '翻页', status: 'pending_payment', from: '2026-10-02', to: '2026-10-31', limit: '3' };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ConsoleOrderPage = (await list(cursor ? { ...filters, cursor } : filters)).json();
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(inRange.length);
    expect([...seen].sort()).toEqual([...inRange].sort());
    expect(seen.indexOf(inRange[6]!)).toBe(0);
  });

  it('shows who bought each order and who receives it', async () => {
    const shopper = await createShopper(app, '林小满');
    const order = await placeOrder(shopper.headers, { ...address, name: '林大满' });
    const [row] = (await list({ orderNo: order.orderNo })).json<ConsoleOrderPage>().items;
    expect(row).toMatchObject({ id: order.id, buyer: { id: shopper.userId, nickname: '林小满' }, recipientName: '林大满' });
  });
});

describe("the console's order detail", () => {
  it('shows the whole phone to the roles that ship and a masked one to the others', async () => {
    const order = await placeOrder((await createShopper(app)).headers, { ...address, phone: '13800138000' });
    const phoneSeenBy = async (role: 'owner' | 'operator' | 'service' | 'finance') => {
      const res = await app.inject({ method: 'GET', url: `/api/console/orders/${order.id}`, headers: (await createStaffMember(app, role)).headers });
      return res.json().address.phone;
    };
    expect(await phoneSeenBy('owner')).toBe('13800138000');
    expect(await phoneSeenBy('operator')).toBe('13800138000');
    expect(await phoneSeenBy('service')).toBe('138****8000');
    expect(await phoneSeenBy('finance')).toBe('138****8000');
  });
});
