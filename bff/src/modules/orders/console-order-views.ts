import { eq, inArray, sql } from 'drizzle-orm';
import type { StaffRole } from '@linli/shared/schemas/auth';
import type { ConsoleOrderPage, ConsoleOrderQuery, ShippingAddress } from '@linli/shared/schemas/order';
import { allows } from '@linli/shared/staff-permissions';
import type { Executor } from '../../db/client';
import { maskPhone } from '../users/phone-mask';
import { users } from '../users/tables';
import { consoleOrderCondition } from './console-order-filters';
import { listOrders } from './order-views';
import { orders } from './tables';

/**
 * The recipient as a staff member may see them. Whoever ships writes the phone on the waybill, so
 * roles with `orders.ship` see it whole; the others (customer service, finance) see it masked.
 */
export function addressSeenBy(role: StaffRole, address: ShippingAddress): ShippingAddress {
  return allows(role, 'orders.ship') ? address : { ...address, phone: maskPhone(address.phone) };
}

/** A page of the console's order list: the shopper's summaries plus the buyer and the recipient's name. */
export async function listConsoleOrders(db: Executor, query: ConsoleOrderQuery): Promise<ConsoleOrderPage> {
  const page = await listOrders(db, { ownerId: null, cursor: query.cursor, limit: query.limit ?? 20, extra: consoleOrderCondition(query) });
  if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
  const people = await db
    .select({ orderId: orders.id, buyerId: users.id, nickname: users.nickname, recipientName: sql<string>`${orders.address}->>'name'` })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(inArray(orders.id, page.items.map((o) => o.id)));
  const byOrder = new Map(people.map((p) => [p.orderId, p]));
  return {
    items: page.items.map((order) => {
      const who = byOrder.get(order.id)!;
      return { ...order, buyer: { id: who.buyerId, nickname: who.nickname }, recipientName: who.recipientName };
    }),
    nextCursor: page.nextCursor,
  };
}
