import type { ConsoleOrderSummary } from '@linli/shared/schemas/order';
import { afterShipping, batchRows, checkBatch, withCarrierForAll, withPasted, withValue } from './batch-ship';

const order = (id: string, orderNo: string, itemCount = 1): ConsoleOrderSummary => ({
  id,
  groupId: null,
  orderNo,
  status: 'to_ship',
  payable: 4780,
  itemCount,
  cover: '',
  title: '丑橘',
  createdAt: '2026-12-06T02:00:00.000Z',
  expiresAt: null,
  buyer: { id: `buyer-${id}`, nickname: '林小满' },
  recipientName: '林大满',
});

const selected = [order('id-1', 'L1'), order('id-2', 'L2', 3)];

it('starts one empty row per selected order, with who bought it and what', () => {
  expect(batchRows(selected).map((r) => [r.orderNo, r.buyer, r.recipient, r.items, r.carrier, r.trackingNo])).toEqual([
    ['L1', '林小满', '林大满', '丑橘', '', ''],
    ['L2', '林小满', '林大满', '丑橘 等 3 件', '', ''],
  ]);
});

it('sets the carrier of every row at once, and a tracking no. per row', () => {
  let rows = withCarrierForAll(batchRows(selected), '中通快递');
  rows = withValue(rows, 'id-2', 'trackingNo', '73100000000002');
  expect(rows.map((r) => [r.carrier, r.trackingNo])).toEqual([
    ['中通快递', ''],
    ['中通快递', '73100000000002'],
  ]);
});

it('sends nothing while a row breaks the ShipBody rules, and says which row and field', () => {
  const rows = withValue(withValue(withCarrierForAll(batchRows(selected), '中通快递'), 'id-1', 'trackingNo', 'SF 1'), 'id-2', 'trackingNo', '73100000000002');
  const checked = checkBatch(rows);
  expect(checked.ok).toBe(false);
  if (!checked.ok) expect(checked.rows.map((r) => r.errors)).toEqual([{ trackingNo: '运单号应为 4–40 位' }, {}]);
});

it('builds the batch body from trimmed values once every row is right', () => {
  const rows = withPasted(batchRows(selected), [
    { orderId: 'id-1', carrier: ' 顺丰速运 ', trackingNo: 'SF 1000 0001' },
    { orderId: 'id-2', carrier: '圆通速递', trackingNo: 'YT10000002' },
  ]);
  expect(checkBatch(rows)).toEqual({
    ok: true,
    body: {
      shipments: [
        { orderId: 'id-1', carrier: '顺丰速运', trackingNo: 'SF10000001' },
        { orderId: 'id-2', carrier: '圆通速递', trackingNo: 'YT10000002' },
      ],
    },
  });
});

it('a corrected field no longer shows its complaint', () => {
  const checked = checkBatch(batchRows(selected));
  if (checked.ok) throw new Error('empty rows passed');
  const corrected = withValue(checked.rows, 'id-1', 'carrier', 'EMS');
  expect(corrected[0]!.errors).toEqual({ trackingNo: '请填写运单号' });
});

it('lets the shipped orders go and keeps the refused ones as typed, with the BFF’s reason', () => {
  const rows = withPasted(batchRows(selected), [
    { orderId: 'id-1', carrier: '顺丰速运', trackingNo: 'SF10000001' },
    { orderId: 'id-2', carrier: '圆通速递', trackingNo: 'YT10000002' },
  ]);
  const after = afterShipping(rows, [
    { orderId: 'id-1', outcome: 'shipped' },
    { orderId: 'id-2', outcome: 'failed', error: { code: 'AFTER_SALE_OPEN', message: '该订单有待处理的售后申请，请先处理' } },
  ]);
  expect(after.shipped).toEqual(['id-1']);
  expect(after.remaining.map((r) => [r.orderId, r.trackingNo, r.failure])).toEqual([['id-2', 'YT10000002', '该订单有待处理的售后申请，请先处理（AFTER_SALE_OPEN）']]);
});
