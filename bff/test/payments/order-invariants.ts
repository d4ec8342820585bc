import { asc, sql } from 'drizzle-orm';
import type { OrderStatus } from '@linli/shared/schemas/order';
import type { App } from '../../src/app';
import { canTransition, orderTransitions, type ActorKind, type OrderAction } from '@linli/shared/orders/state-machine';
import { orderEvents, orders } from '../../src/modules/orders/tables';

/**
 * What must hold for every order whatever happened to it: the money adds up, and its status history
 * is a walk through the transition table. Each check returns the problems it found, so a failure
 * names the order and what is wrong with it.
 */

export interface StatusEvent {
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  action: string;
  actorKind: ActorKind;
}

function isOrderAction(action: string): action is OrderAction {
  return Object.hasOwn(orderTransitions, action);
}

/** Starts with 'place' into pending_payment; then each event leaves the state the previous one entered, by an allowed transition. */
export function statusPathProblems(events: readonly StatusEvent[]): string[] {
  const problems: string[] = [];
  let current: OrderStatus | null = null;
  events.forEach((event, i) => {
    const where = `event ${i} (${event.action} by ${event.actorKind}, ${event.fromStatus ?? 'nothing'} → ${event.toStatus})`;
    if (i === 0) {
      if (event.action !== 'place' || event.fromStatus !== null || event.toStatus !== 'pending_payment') problems.push(`${where}: an order starts by being placed`);
    } else if (event.fromStatus === null || event.fromStatus !== current) {
      problems.push(`${where}: starts from ${event.fromStatus ?? 'nothing'}, but the order was ${current ?? 'nothing'}`);
    } else if (!isOrderAction(event.action)) {
      problems.push(`${where}: not an action of the transition table`);
    } else if (!canTransition(event.action, event.fromStatus, event.actorKind) || orderTransitions[event.action].to !== event.toStatus) {
      problems.push(`${where}: not allowed by the transition table`);
    }
    current = event.toStatus;
  });
  if (events.length === 0) problems.push('no events at all');
  return problems;
}

/** Every order's event log is a valid path, and it ends in the order's current status. */
export async function statusHistoryProblems(app: App): Promise<string[]> {
  const [allOrders, allEvents] = await Promise.all([
    app.db.select({ id: orders.id, orderNo: orders.orderNo, status: orders.status }).from(orders),
    app.db.select().from(orderEvents).orderBy(asc(orderEvents.id)),
  ]);
  const problems: string[] = [];
  for (const order of allOrders) {
    const events = allEvents.filter((e) => e.orderId === order.id);
    for (const problem of statusPathProblems(events)) problems.push(`${order.orderNo}: ${problem}`);
    const last = events.at(-1);
    if (last && last.toStatus !== order.status) problems.push(`${order.orderNo}: is ${order.status} but its last event entered ${last.toStatus}`);
  }
  return problems;
}

/**
 * refunded_amount never exceeds payable and equals what its live refunds (pending, processing or
 * succeeded) add up to; an order is 'refunded' only when all of it was refunded and confirmed.
 */
export async function moneyProblems(app: App): Promise<string[]> {
  const rows = await app.database.rows<{ order_no: string; status: OrderStatus; payable: number; refunded_amount: number; refunds: number; unconfirmed: number }>(
    app.db,
    sql`select o.order_no, o.status, o.payable, o.refunded_amount,
               coalesce(sum(r.amount) filter (where r.status in ('pending', 'processing', 'succeeded')), 0)::int as refunds,
               count(r.id) filter (where r.status <> 'succeeded')::int as unconfirmed
        from orders o left join refunds r on r.order_id = o.id
        group by o.id
        order by o.order_no`,
  );
  const problems: string[] = [];
  for (const o of rows) {
    if (o.refunded_amount > o.payable) problems.push(`${o.order_no}: refunded ${o.refunded_amount} of a payable ${o.payable}`);
    if (o.refunded_amount !== o.refunds) problems.push(`${o.order_no}: refunded_amount ${o.refunded_amount} but its refunds add up to ${o.refunds}`);
    if (o.status === 'refunded' && (o.refunded_amount !== o.payable || o.unconfirmed > 0)) {
      problems.push(`${o.order_no}: is refunded with ${o.refunded_amount} of ${o.payable} back and ${o.unconfirmed} refunds unconfirmed`);
    }
  }
  return problems;
}
