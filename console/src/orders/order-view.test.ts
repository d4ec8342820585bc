import { formatFen } from '@linli/shared/money';
import { shanghaiTimestamp } from '@linli/shared/shanghai-time';
import type { OrderDetail } from '@linli/shared/schemas/order';
import { addressText, eventRows, exportNotice, itemsText, moneyRows, statusTag } from './order-view';

const order: OrderDetail = {
  id: '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31',
  groupId: null,
  orderNo: 'LL20250501000001',
  status: 'to_ship',
  itemsTotal: 10_000,
  groupDiscount: 1_500,
  couponDiscount: 0,
  shippingFee: 800,
  shippingDiscount: 800,
  payable: 8_500,
  refundedAmount: 0,
  address: { name: '张三', phone: '138****0000', province: '浙江省', city: '杭州市', district: '', detail: '文一西路 1 号' },
  remark: '',
  lines: [],
  events: [],
  carrier: null,
  trackingNo: null,
  createdAt: '2025-05-01T10:00:00.000Z',
  expiresAt: null,
  paidAt: null,
  shippedAt: null,
  completedAt: null,
  cancelledAt: null,
};

it('shows 待发货 in red so it stands out', () => {
  expect(statusTag('to_ship')).toEqual({ label: '待发货', color: 'red' });
  expect(statusTag('shipped').label).toBe('待收货');
});

it('formats times in Shanghai whatever the zone of the instant', () => {
  expect(shanghaiTimestamp('2025-05-01T16:30:05.000Z')).toBe('2025-05-02 00:30:05');
});

it('lists money with non-zero discounts as negatives and payable after them', () => {
  expect(moneyRows(order)).toEqual([
    { label: '商品金额', value: formatFen(10_000) },
    { label: '拼团优惠', value: `-${formatFen(1_500)}` },
    { label: '运费', value: formatFen(800) },
    { label: '运费减免', value: `-${formatFen(800)}` },
    { label: '实付金额', value: formatFen(8_500) },
  ]);
  expect(moneyRows({ ...order, refundedAmount: 8_500 }).at(-1)?.label).toBe('已退款');
});

it('joins the address without the blank district', () => {
  expect(addressText(order.address)).toBe('浙江省 杭州市 文一西路 1 号');
});

it('says who did what in the event log, keeping unknown actions readable', () => {
  const rows = eventRows([
    { fromStatus: null, toStatus: 'pending_payment', action: 'place', actorKind: 'shopper', note: '', at: '2025-05-01T10:00:00.000Z' },
    { fromStatus: 'to_ship', toStatus: 'shipped', action: 'ship', actorKind: 'staff', note: '顺丰速运 SF123', at: '2025-05-02T02:00:00.000Z' },
    { fromStatus: 'shipped', toStatus: 'shipped', action: 'somethingNew', actorKind: 'robot', note: '', at: '2025-05-03T02:00:00.000Z' },
  ]);
  expect(rows.map((r) => [r.who, r.what, r.change])).toEqual([
    ['买家', '下单', '待付款'],
    ['商家员工', '发货', '待发货 → 待收货'],
    ['robot', 'somethingNew', '待收货 → 待收货'],
  ]);
  expect(rows[1]?.at).toBe('2025-05-02 10:00:00');
});


describe('exportNotice', () => {
  it('counts the exported orders', () => {
    expect(exportNotice({ 'x-export-orders': '3', 'x-export-capped': 'false' })).toEqual({ kind: 'success', text: '已导出 3 单' });
  });

  it('warns when the export stopped at its cap', () => {
    expect(exportNotice({ 'x-export-orders': '50000', 'x-export-capped': 'true' })).toEqual({
      kind: 'warning',
      text: '符合条件的订单超过 50000 单，已导出最新的 50000 单；请缩小下单日期范围分批导出',
    });
  });
});

it('says what a row bought: the first title, and the pieces in all when more than one', () => {
  expect(itemsText({ title: '丑橘', itemCount: 1 })).toBe('丑橘');
  expect(itemsText({ title: '丑橘', itemCount: 3 })).toBe('丑橘 等 3 件');
});
