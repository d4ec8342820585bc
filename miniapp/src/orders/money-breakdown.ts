import type { OrderDetail } from '@linli/shared/schemas/order';
import { formatFen } from '@linli/shared/money';

export interface MoneyRow {
  label: string;
  /** formatted, with a minus sign for a discount */
  value: string;
  tone: 'plain' | 'discount' | 'total' | 'refund';
}

type Amounts = Pick<OrderDetail, 'itemsTotal' | 'groupDiscount' | 'couponDiscount' | 'shippingFee' | 'shippingDiscount' | 'payable' | 'refundedAmount'>;

/** The order's money, top to bottom; discounts and refunds that are zero are left out. */
export function moneyRows(order: Amounts): MoneyRow[] {
  const rows: MoneyRow[] = [{ label: '商品金额', value: formatFen(order.itemsTotal), tone: 'plain' }];
  if (order.groupDiscount > 0) rows.push({ label: '拼团优惠', value: formatFen(-order.groupDiscount), tone: 'discount' });
  if (order.couponDiscount > 0) rows.push({ label: '优惠券', value: formatFen(-order.couponDiscount), tone: 'discount' });
  const shipping = order.shippingFee - order.shippingDiscount;
  rows.push({ label: '运费', value: shipping === 0 ? '包邮' : formatFen(shipping), tone: 'plain' });
  rows.push({ label: '实付款', value: formatFen(order.payable), tone: 'total' });
  if (order.refundedAmount > 0) rows.push({ label: '已退款', value: formatFen(order.refundedAmount), tone: 'refund' });
  return rows;
}
