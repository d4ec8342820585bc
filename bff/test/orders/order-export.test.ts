import { eq } from 'drizzle-orm';
import type { OrderDetail } from '@linli/shared/schemas/order';
import type { App } from '../../src/app';
import { consoleOrderCondition } from '../../src/modules/orders/console-order-filters';
import { orderCsvChunks } from '../../src/modules/orders/order-export';
import { orders } from '../../src/modules/orders/tables';
import { address, createProduct, createShopper, createStaffMember } from '../fixtures';
import { buildTestApp } from '../helper';
import { placeAt, toShipOrder } from './console-order-fixtures';

let app: App;
let owner: { headers: { authorization: string } };
beforeAll(async () => {
  app = await buildTestApp();
  owner = await createStaffMember(app, 'owner');
});
afterAll(async () => {
  await app.close();
});

/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      record.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && next === '\n') {
      records.push([...record, cell]);
      record = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return records;
}

async function exportAs(headers: Record<string, string>, query: Record<string, string>) {
  const res = await app.inject({ method: 'GET', url: `/api/console/orders/export?${new URLSearchParams(query).toString()}`, headers });
  expect(res.statusCode).toBe(200);
  const [header, ...rows] = parseCsv(res.body.replace(/^\uFEFF/, ''));
  return { res, header: header!, rows: rows.map((cells) => Object.fromEntries(header!.map((title, i) => [title, cells[i]]))) };
}

describe('the order export', () => {
  it('writes one record per order line with the order, its money in 元, the recipient and the parcel', async () => {
    const shopper = await createShopper(app, '林小满');
    const { skuIds } = await createProduct(app, { title: '丑橘', price: 1990, skuCount: 2 });
    const order = await toShipOrder(app, shopper.headers, { skuIds, address: { ...address, name: '林大满' }, remark: '放门口' });
    await app.inject({ method: 'POST', url: `/api/console/orders/${order.id}/ship`, headers: owner.headers, payload: { carrier: '中通快递', trackingNo: '73100000000001' } });
    await app.db
      .update(orders)
      .set({ createdAt: new Date('2026-12-05T02:03:04Z'), paidAt: new Date('2026-12-05T02:05:00Z'), shippedAt: new Date('2026-12-05T16:30:00Z') })
      .where(eq(orders.id, order.id));

    const { res, header, rows } = await exportAs(owner.headers, { userId: shopper.userId });

    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('\uFEFF订单号,')).toBe(true);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="orders-\d{8}\.csv"; filename\*=UTF-8''%E8%AE%A2%E5%8D%95-\d{8}\.csv$/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-export-orders']).toBe('1');
    expect(res.headers['x-export-capped']).toBe('false');
    expect(header).toEqual([
      '订单号', '下单时间', '付款时间', '状态', '买家', '买家 ID', '商品', '规格', '数量', '单价(元)', '行实付(元)', '行已退款(元)', '商品总额(元)',
      '运费(元)', '优惠(元)', '订单实付(元)', '订单已退款(元)', '收货人', '电话', '地址', '买家留言', '快递公司', '运单号', '发货时间', '拼团 ID',
    ]);
    expect(rows.map((r) => r['规格']).sort()).toEqual(['款1', '款2']);
    for (const row of rows) {
      expect(row).toMatchObject({
        订单号: order.orderNo,
        下单时间: '2026-12-05 10:03:04',
        付款时间: '2026-12-05 10:05:00',
        状态: '待收货',
        买家: '林小满',
        '买家 ID': shopper.userId,
        商品: '丑橘',
        数量: '1',
        '单价(元)': '19.90',
        '行实付(元)': '19.90',
        '行已退款(元)': '0.00',
        '商品总额(元)': '39.80',
        '运费(元)': '8.00',
        '优惠(元)': '0.00',
        '订单实付(元)': '47.80',
        '订单已退款(元)': '0.00',
        收货人: '林大满',
        电话: '13800138000',
        地址: '广东省 深圳市 南山区 科技园 1 号',
        买家留言: '放门口',
        快递公司: '中通快递',
        运单号: '\t73100000000001',
        发货时间: '2026-12-06 00:30:00',
        '拼团 ID': '',
      });
    }
  });

  it('masks the phone for the roles that do not ship', async () => {
    const shopper = await createShopper(app);
    await toShipOrder(app, shopper.headers);
    const phones = async (role: 'operator' | 'service' | 'finance') =>
      (await exportAs((await createStaffMember(app, role)).headers, { userId: shopper.userId })).rows.map((r) => r['电话']);
    expect(await phones('operator')).toEqual(['13800138000']);
    expect(await phones('service')).toEqual(['138****8000']);
    expect(await phones('finance')).toEqual(['138****8000']);
  });

  it('neutralises formulas a shopper typed into a nickname, a remark or an address', async () => {
    const shopper = await createShopper(app, '=HYPERLINK("http://evil.example","点我")');
    await toShipOrder(app, shopper.headers, { address: { ...address, name: '@SUM(1+1)', detail: '+1 号楼' }, remark: '-2+3' });
    const [row] = (await exportAs(owner.headers, { userId: shopper.userId })).rows;
    expect(row).toMatchObject({ 买家: `'=HYPERLINK("http://evil.example","点我")`, 收货人: "'@SUM(1+1)", 买家留言: "'-2+3" });
    expect(row!['地址']).toBe('广东省 深圳市 南山区 +1 号楼');
  });

  it('exports exactly what the list filters select', async () => {
    const shopper = await createShopper(app, '筛选导出');
    const inRange = await toShipOrder(app, shopper.headers);
    const tooEarly = await toShipOrder(app, shopper.headers);
    await placeAt(app, inRange.id, '2026-11-20T16:00:00.000Z');
    await placeAt(app, tooEarly.id, '2026-11-20T15:59:59.999Z');
    await toShipOrder(app, (await createShopper(app, '别人')).headers);
    const { rows, res } = await exportAs(owner.headers, { buyer: '筛选', from: '2026-11-21', to: '2026-11-21', status: 'to_ship' });
    expect(rows.map((r) => r['订单号'])).toEqual([inRange.orderNo]);
    expect(res.headers['x-export-orders']).toBe('1');
  });

  it('reads the orders in keyset batches, newest first, and stops at the cap', async () => {
    const shopper = await createShopper(app, '分批');
    const placed: OrderDetail[] = [];
    for (let i = 0; i < 5; i++) {
      const order = await toShipOrder(app, shopper.headers);
      await placeAt(app, order.id, `2026-11-0${i + 1}T08:00:00.000Z`);
      placed.push(order);
    }
    const where = consoleOrderCondition({ userId: shopper.userId });
    const chunks: string[] = [];
    for await (const chunk of orderCsvChunks(app.db, { where, role: 'owner', cap: 4, batchSize: 2 })) chunks.push(chunk);
    // The header, then two batches of two orders: the fifth (oldest) is past the cap.
    expect(chunks).toHaveLength(3);
    const orderNos = parseCsv(chunks.join('').replace(/^\uFEFF/, '')).slice(1).map((cells) => cells[0]);
    expect(orderNos).toEqual([placed[4]!, placed[3]!, placed[2]!, placed[1]!].map((o) => o.orderNo));
  });
});
