import { fenToYuanText } from '@linli/shared/money';
import type { StaffRole } from '@linli/shared/schemas/auth';
import { orderStatusLabels } from '@linli/shared/schemas/order';
import { shanghaiDate, shanghaiTimestamp } from '@linli/shared/shanghai-time';
import { addressSeenBy } from './console-order-views';
import type { orderLines, orders } from './tables';

/** Excel in China reads a CSV as GBK unless it starts with the UTF-8 byte order mark. */
export const csvBom = '\uFEFF';

/** What a spreadsheet may run as a formula when a cell starts with it (OWASP's list). */
const formulaStart = /^[=+\-@\t\r]/;
/** Excel shows an all-digit cell of 12 or more digits as 7.31E+12 and drops digits after the 15th. */
const longDigits = /^\d{12,}$/;

/**
 * One cell of a CSV line. Shopper-typed text (nicknames, remarks, addresses) that starts like a
 * formula gets a leading apostrophe so a spreadsheet shows it instead of running it; a long
 * all-digit number (a tracking no.) gets a leading tab, which makes Excel keep it as text.
 */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : longDigits.test(value) ? `\t${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV record with the CRLF line end RFC 4180 and Excel expect. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export interface ExportedOrder {
  order: typeof orders.$inferSelect;
  buyerNickname: string;
  groupId: string | null;
  /** in the order the detail shows them */
  lines: Array<typeof orderLines.$inferSelect>;
}

const yuan = fenToYuanText;
const shanghaiOrBlank = (at: Date | null) => (at ? shanghaiTimestamp(at.toISOString()) : '');

/**
 * The columns of the order export: one record per order line; the order's own figures repeat on
 * each of its lines so a filtered or sorted sheet still reads right. 商品总额 + 运费 − 优惠 = 订单实付.
 */
const columns: ReadonlyArray<{ title: string; value: (o: ExportedOrder, line: ExportedOrder['lines'][number], role: StaffRole) => string }> = [
  { title: '订单号', value: ({ order }) => order.orderNo },
  { title: '下单时间', value: ({ order }) => shanghaiOrBlank(order.createdAt) },
  { title: '付款时间', value: ({ order }) => shanghaiOrBlank(order.paidAt) },
  { title: '状态', value: ({ order }) => orderStatusLabels[order.status] },
  { title: '买家', value: (o) => o.buyerNickname },
  { title: '买家 ID', value: ({ order }) => order.userId },
  { title: '商品', value: (_, line) => line.title },
  { title: '规格', value: (_, line) => line.specText },
  { title: '数量', value: (_, line) => String(line.quantity) },
  { title: '单价(元)', value: (_, line) => yuan(line.chargedUnitPrice) },
  { title: '行实付(元)', value: (_, line) => yuan(line.payable) },
  { title: '行已退款(元)', value: (_, line) => yuan(line.refundedAmount) },
  { title: '商品总额(元)', value: ({ order }) => yuan(order.itemsTotal) },
  { title: '运费(元)', value: ({ order }) => yuan(order.shippingFee) },
  { title: '优惠(元)', value: ({ order }) => yuan(order.groupDiscount + order.couponDiscount + order.shippingDiscount) },
  { title: '订单实付(元)', value: ({ order }) => yuan(order.payable) },
  { title: '订单已退款(元)', value: ({ order }) => yuan(order.refundedAmount) },
  { title: '收货人', value: ({ order }) => order.address.name },
  { title: '电话', value: ({ order }, _, role) => addressSeenBy(role, order.address).phone },
  { title: '地址', value: ({ order: { address: a } }) => [a.province, a.city, a.district, a.detail].filter((part) => part !== '').join(' ') },
  { title: '买家留言', value: ({ order }) => order.remark },
  { title: '快递公司', value: ({ order }) => order.carrier ?? '' },
  { title: '运单号', value: ({ order }) => order.trackingNo ?? '' },
  { title: '发货时间', value: ({ order }) => shanghaiOrBlank(order.shippedAt) },
  { title: '拼团 ID', value: (o) => o.groupId ?? '' },
];

export const orderCsvHeader = csvLine(columns.map((c) => c.title));

/** The records of one order, its lines in order, with the phone as `role` may see it. */
export function orderCsvRecords(exported: ExportedOrder, role: StaffRole): string {
  return exported.lines.map((line) => csvLine(columns.map((c) => c.value(exported, line, role)))).join('');
}

/** `attachment` named 订单-20261206.csv (the Shanghai day), with an ASCII name for clients without RFC 5987. */
export function exportDisposition(now: Date): string {
  const day = shanghaiDate(now.toISOString()).replace(/-/g, '');
  return `attachment; filename="orders-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`订单-${day}.csv`)}`;
}
