import type { ShipBody } from '@linli/shared/schemas/order';

export type ShipField = 'carrier' | 'trackingNo';
export const shipFields: readonly ShipField[] = ['carrier', 'trackingNo'];

/** Common carriers offered in the picker; any other name may be typed. */
export const carrierOptions = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '申通快递', '极兔速递', '京东物流', 'EMS', '邮政快递包裹'];

export type ShipValidation = { ok: true; body: ShipBody } | { ok: false; errors: Partial<Record<ShipField, string>> };

const trackingPattern = /^[A-Za-z0-9-]+$/;

/** The rules of ShipBody, checked before sending, on trimmed input (a pasted number often carries spaces). */
export function validateShip(input: { carrier: string; trackingNo: string }): ShipValidation {
  const carrier = input.carrier.trim();
  const trackingNo = input.trackingNo.replace(/\s+/g, '');
  const errors: Partial<Record<ShipField, string>> = {};
  if (carrier === '') errors.carrier = '请填写快递公司';
  else if (carrier.length > 30) errors.carrier = '快递公司最多 30 个字';
  if (trackingNo === '') errors.trackingNo = '请填写运单号';
  else if (!trackingPattern.test(trackingNo)) errors.trackingNo = '运单号只能包含字母、数字和“-”';
  else if (trackingNo.length < 4 || trackingNo.length > 40) errors.trackingNo = '运单号应为 4–40 位';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: { carrier, trackingNo } };
}
