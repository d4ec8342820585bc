import { sql } from 'drizzle-orm';
import type { ServerEventName } from '@linli/shared/schemas/analytics';
import type { Executor } from '../../db/client';
import { orders } from '../orders/tables';
import { analyticsEvents } from './tables';

export interface DomainEvent {
  name: ServerEventName;
  at: Date;
  userId?: string | null;
  productId?: string | null;
  groupId?: string | null;
  shareId?: string | null;
  orderId?: string | null;
  amount?: number | null;
  props?: Record<string, string | number | boolean | null>;
}

/**
 * Records one of the BFF's own events. Callers pass their transaction, so the event exists exactly
 * when the change it describes was committed: a rolled-back payment leaves no order_paid behind.
 */
export async function recordEvent(tx: Executor, event: DomainEvent): Promise<void> {
  await tx.insert(analyticsEvents).values({
    name: event.name,
    source: 'server',
    userId: event.userId ?? null,
    productId: event.productId ?? null,
    groupId: event.groupId ?? null,
    shareId: event.shareId ?? null,
    orderId: event.orderId ?? null,
    amount: event.amount ?? null,
    props: event.props ?? {},
    occurredAt: event.at,
  });
}

/** order_paid, copied from the order row itself (payer, share, amount) inside the paying transaction. */
export async function recordOrderPaid(tx: Executor, orderId: string, at: Date): Promise<void> {
  await tx.execute(
    sql`insert into ${analyticsEvents} (name, source, user_id, order_id, share_id, amount, occurred_at)
        select 'order_paid', 'server', user_id, id, share_id, payable, ${at.toISOString()} from ${orders} where id = ${orderId}`,
  );
}
