import type { ConsoleOrderSummary, ShipBatchBody, ShipBatchResult } from '@linli/shared/schemas/order';
import { itemsText } from './order-view';
import { validateShip, type ShipField } from './ship-form';
import type { PastedShipment } from './shipment-paste';

/** One selected order in the batch-ship dialog, with what was typed or pasted for it. */
export interface BatchRow {
  orderId: string;
  orderNo: string;
  buyer: string;
  recipient: string;
  items: string;
  carrier: string;
  trackingNo: string;
  /** the ShipBody rule a typed value breaks, checked before anything is sent */
  errors: Partial<Record<ShipField, string>>;
  /** why the BFF did not ship this order, after a submit */
  failure: string | null;
}

export function batchRows(orders: readonly ConsoleOrderSummary[]): BatchRow[] {
  return orders.map((order) => ({
    orderId: order.id,
    orderNo: order.orderNo,
    buyer: order.buyer.nickname,
    recipient: order.recipientName,
    items: itemsText(order),
    carrier: '',
    trackingNo: '',
    errors: {},
    failure: null,
  }));
}

function withoutError(errors: BatchRow['errors'], field: ShipField): BatchRow['errors'] {
  return Object.fromEntries(Object.entries(errors).filter(([name]) => name !== field));
}

/** One row's field changed: its earlier complaint about that field no longer applies. */
export function withValue(rows: readonly BatchRow[], orderId: string, field: ShipField, value: string): BatchRow[] {
  return rows.map((row) => (row.orderId === orderId ? { ...row, [field]: value, errors: withoutError(row.errors, field) } : row));
}

/** The carrier typed once for the whole batch. */
export function withCarrierForAll(rows: readonly BatchRow[], carrier: string): BatchRow[] {
  return rows.map((row) => ({ ...row, carrier, errors: withoutError(row.errors, 'carrier') }));
}

/** Pasted lines fill in the rows of their orders, carrier and tracking no. alike. */
export function withPasted(rows: readonly BatchRow[], pasted: readonly PastedShipment[]): BatchRow[] {
  const byOrder = new Map(pasted.map((p) => [p.orderId, p]));
  return rows.map((row) => {
    const line = byOrder.get(row.orderId);
    return line ? { ...row, carrier: line.carrier, trackingNo: line.trackingNo, errors: {}, failure: null } : row;
  });
}

/** The request body when every row keeps the ShipBody rules; otherwise the rows with their complaints. */
export function checkBatch(rows: readonly BatchRow[]): { ok: true; body: ShipBatchBody } | { ok: false; rows: BatchRow[] } {
  const shipments: ShipBatchBody['shipments'] = [];
  const checked = rows.map((row) => {
    const result = validateShip(row);
    if (!result.ok) return { ...row, errors: result.errors };
    shipments.push({ orderId: row.orderId, ...result.body });
    return { ...row, errors: {} };
  });
  return shipments.length === rows.length ? { ok: true, body: { shipments } } : { ok: false, rows: checked };
}

/**
 * After the BFF answered: the orders it shipped leave the dialog; those it refused stay as typed,
 * each with the BFF's message, to be corrected and sent again.
 */
export function afterShipping(rows: readonly BatchRow[], results: readonly ShipBatchResult[]): { shipped: string[]; remaining: BatchRow[] } {
  const resultOf = new Map(results.map((r) => [r.orderId, r]));
  const shipped = results.filter((r) => r.outcome === 'shipped').map((r) => r.orderId);
  const remaining = rows
    .filter((row) => resultOf.get(row.orderId)?.outcome !== 'shipped')
    .map((row) => {
      const result = resultOf.get(row.orderId);
      return result?.outcome === 'failed' ? { ...row, failure: `${result.error.message}（${result.error.code}）` } : row;
    });
  return { shipped, remaining };
}
