import type { AfterSaleBody, OrderLine } from '@linli/shared/schemas/order';

/** The BFF's limit on the reason (AfterSaleBody.reason). */
export const REASON_MAX = 200;

export const commonReasons = ['不想要了', '商品破损', '少发/漏发', '发错货', '质量问题', '与描述不符', '其他'] as const;
const OTHER = '其他';

type Line = Pick<OrderLine, 'id' | 'quantity' | 'refundedQuantity'>;

export interface AfterSaleForm {
  scope: 'order' | 'lines';
  /** units asked back per order line id (lines scope); absent or 0 means not chosen */
  quantities: Record<string, number>;
  /** one of commonReasons, or '' before one is picked */
  reason: string;
  /** the shopper's own words */
  detail: string;
}

export type AfterSaleErrors = Partial<Record<'lines' | 'reason' | 'detail', string>>;

export function emptyAfterSaleForm(): AfterSaleForm {
  return { scope: 'order', quantities: {}, reason: '', detail: '' };
}

/** Units of a line that can still be asked back. */
export function refundableQuantity(line: Line): number {
  return Math.max(0, line.quantity - line.refundedQuantity);
}

export function refundableUnits(lines: readonly Line[]): number {
  return lines.reduce((sum, line) => sum + refundableQuantity(line), 0);
}

/** A stepper value kept between 0 and what the line can still refund. */
export function clampQuantity(line: Line, wanted: number): number {
  if (!Number.isFinite(wanted)) return 0;
  return Math.min(refundableQuantity(line), Math.max(0, Math.floor(wanted)));
}

/** The reason sent to the BFF: the picked reason, then the shopper's words. */
export function reasonText(form: Pick<AfterSaleForm, 'reason' | 'detail'>): string {
  const detail = form.detail.trim();
  if (detail === '') return form.reason;
  return form.reason === '' ? detail : `${form.reason}：${detail}`;
}

/** How many characters of their own the shopper may still write, given the picked reason. */
export function detailLimit(reason: string): number {
  return reason === '' ? REASON_MAX : REASON_MAX - reason.length - 1;
}

/** Checks the form against the order's lines; on success gives the body to POST. */
export function validateAfterSale(
  form: AfterSaleForm,
  lines: readonly Line[],
): { ok: true; body: AfterSaleBody } | { ok: false; errors: AfterSaleErrors } {
  const errors: AfterSaleErrors = {};
  let chosen: Array<{ orderLineId: string; quantity: number }> = [];
  if (form.scope === 'lines') {
    chosen = lines.flatMap((line) => {
      const quantity = form.quantities[line.id] ?? 0;
      return quantity > 0 ? [{ orderLineId: line.id, quantity }] : [];
    });
    const over = lines.find((line) => (form.quantities[line.id] ?? 0) > refundableQuantity(line));
    if (chosen.length === 0) errors.lines = '请选择要退款的商品和数量';
    else if (over) errors.lines = `最多可退 ${refundableQuantity(over)} 件`;
  } else if (refundableUnits(lines) === 0) {
    errors.lines = '该订单已全部退款';
  }
  if (form.reason === '') errors.reason = '请选择售后原因';
  const detail = form.detail.trim();
  if (form.reason === OTHER && detail === '') errors.detail = '请写下具体原因';
  else if (detail.length > detailLimit(form.reason)) errors.detail = `具体原因最多 ${detailLimit(form.reason)} 字`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const reason = reasonText(form);
  return { ok: true, body: form.scope === 'lines' ? { reason, lines: chosen } : { reason } };
}
