import type { AfterSale } from '@linli/shared/schemas/order';

export const afterSaleStatusLabels: Record<AfterSale['status'], string> = {
  requested: '售后处理中',
  approved: '已同意退款，退款中',
  rejected: '售后申请未通过',
  refunded: '已退款',
};

/** A request still being decided blocks a new one (the BFF allows one open request per order). */
export function openRequestOf(requests: readonly AfterSale[]): AfterSale | null {
  return requests.find((r) => r.status === 'requested') ?? null;
}
