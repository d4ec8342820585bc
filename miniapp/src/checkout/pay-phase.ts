import type { OrderDetail, OrderStatus } from '@linli/shared/schemas/order';

/** What the pay page shows for an order: pay it, it is paid, or it can no longer be paid. */
export type PayPhase = 'awaiting_payment' | 'paid' | 'expired' | 'closed';

const paidStatuses: ReadonlySet<OrderStatus> = new Set(['paid', 'awaiting_group', 'to_ship', 'shipped', 'completed']);

export function payPhaseOf(order: Pick<OrderDetail, 'status' | 'expiresAt'>, nowMs: number): PayPhase {
  if (paidStatuses.has(order.status)) return 'paid';
  if (order.status !== 'pending_payment') return 'closed';
  // The BFF closes it a moment later; the shopper should not pay into an order about to close.
  if (order.expiresAt !== null && Date.parse(order.expiresAt) <= nowMs) return 'expired';
  return 'awaiting_payment';
}

/** The payment notify arrives on its own: the order has it once it left pending_payment. */
export function paymentSettled(order: Pick<OrderDetail, 'status'>): boolean {
  return order.status !== 'pending_payment';
}
