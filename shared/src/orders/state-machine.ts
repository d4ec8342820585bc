import type { OrderStatus } from '../schemas/order';

export type ActorKind = 'shopper' | 'staff' | 'system' | 'provider';

interface Transition {
  from: readonly OrderStatus[];
  to: OrderStatus;
  by: readonly ActorKind[];
}

/**
 * Every way an order may change state, and who may cause it. Nothing moves an order except through
 * this table (see moveOrder), so a status can never be reached by a path not listed here.
 */
export const orderTransitions = {
  pay: { from: ['pending_payment'], to: 'paid', by: ['provider'] },
  awaitGroup: { from: ['paid'], to: 'awaiting_group', by: ['system'] },
  releaseToShip: { from: ['paid', 'awaiting_group'], to: 'to_ship', by: ['system'] },
  cancel: { from: ['pending_payment'], to: 'cancelled', by: ['shopper', 'staff'] },
  expire: { from: ['pending_payment'], to: 'cancelled', by: ['system'] },
  ship: { from: ['to_ship'], to: 'shipped', by: ['staff'] },
  confirmReceipt: { from: ['shipped'], to: 'completed', by: ['shopper'] },
  autoConfirm: { from: ['shipped'], to: 'completed', by: ['system'] },
  refundInFull: { from: ['paid', 'awaiting_group', 'to_ship', 'shipped', 'completed'], to: 'refunded', by: ['provider', 'system'] },
} as const satisfies Record<string, Transition>;

export type OrderAction = keyof typeof orderTransitions;

/** The 7-day no-reason return window (七天无理由), counted from receipt: the law's minimum and the BFF's default. */
export const returnWindowDays = 7;

/** Whether a completed order is still inside a return window of `days` (`completedAt` unknown: yes). */
export function withinReturnWindow(completedAt: Date | null, now: Date, days = returnWindowDays): boolean {
  return completedAt === null || now.getTime() - completedAt.getTime() <= days * 86_400_000;
}

/** Shoppers may ask for a refund while the order is paid for and not yet closed. */
export const afterSaleOpenStatuses: readonly OrderStatus[] = ['paid', 'awaiting_group', 'to_ship', 'shipped', 'completed'];

/** Who may cause a transition; moveOrder refuses anyone else before touching the database. */
export function mayPerform(action: OrderAction, actor: ActorKind): boolean {
  return (orderTransitions[action] as Transition).by.includes(actor);
}

export function canTransition(action: OrderAction, from: OrderStatus, actor: ActorKind): boolean {
  return (orderTransitions[action] as Transition).from.includes(from) && mayPerform(action, actor);
}
