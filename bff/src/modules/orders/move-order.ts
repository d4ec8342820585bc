import { sql, type SQL } from 'drizzle-orm';
import type { OrderStatus } from '@linli/shared/schemas/order';
import type { DatabaseHandle, Executor } from '../../db/client';
import { orderEvents } from './tables';
import { mayPerform, orderTransitions, type ActorKind, type OrderAction } from '@linli/shared/orders/state-machine';

export interface Actor {
  kind: ActorKind;
  id: string | null;
}

export const systemActor: Actor = { kind: 'system', id: null };

/**
 * Moves an order by one transition of the table, guarded in the database: the UPDATE only matches
 * while the order is in an allowed source state, so two racing callers cannot both move it. Returns
 * the state it left, or null when the order was not in an allowed state (the caller decides whether
 * that is an error or a harmless repeat). The event log row is written in the same transaction.
 */
export async function moveOrder(
  database: DatabaseHandle,
  tx: Executor,
  input: { orderId: string; action: OrderAction; actor: Actor; note?: string; set?: SQL },
): Promise<{ from: OrderStatus; to: OrderStatus } | null> {
  const t = orderTransitions[input.action];
  if (!mayPerform(input.action, input.actor.kind)) {
    throw new Error(`${input.actor.kind} may not ${input.action} an order`);
  }
  const fromList = sql.join(t.from.map((s) => sql`${s}`), sql`, `);
  const extra = input.set ? sql`, ${input.set}` : sql``;
  const [moved] = await database.rows<{ from_status: OrderStatus }>(
    tx,
    sql`with current as (
          select id, status from orders where id = ${input.orderId} and status in (${fromList}) for update
        )
        update orders o set status = ${t.to}, updated_at = now()${extra}
        from current where o.id = current.id
        returning current.status as from_status`,
  );
  if (!moved) return null;
  await tx.insert(orderEvents).values({
    orderId: input.orderId,
    fromStatus: moved.from_status,
    toStatus: t.to,
    action: input.action,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    note: input.note ?? '',
  });
  return { from: moved.from_status, to: t.to };
}
