import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { StaffRole } from '@linli/shared/schemas/auth';
import type { Executor } from '../../db/client';
import { afterCursor, createdMicrosOf, type ListCursor } from '../../db/cursor';
import { groupSeats } from '../group-buys/tables';
import { users } from '../users/tables';
import { csvBom, orderCsvHeader, orderCsvRecords, type ExportedOrder } from './order-csv';
import { orderLines, orders } from './tables';

/** How many of the orders matching `where` there are, counting no further than `atMost`. */
export async function countOrdersUpTo(db: Executor, where: SQL | undefined, atMost: number): Promise<number> {
  const matching = db.select({ id: orders.id }).from(orders).where(where).limit(atMost).as('matching');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(matching);
  return row?.n ?? 0;
}

/**
 * The order export as CSV text, newest order first, fetched in keyset batches of `batchSize` orders
 * so that memory holds one batch however many orders match; it stops after `cap` orders. Each
 * chunk is asked for only when the response stream wants more.
 */
export async function* orderCsvChunks(
  db: Executor,
  input: { where: SQL | undefined; role: StaffRole; cap: number; batchSize?: number },
): AsyncGenerator<string> {
  yield csvBom + orderCsvHeader;
  const batchSize = input.batchSize ?? 500;
  let after: ListCursor | null = null;
  for (let sent = 0; sent < input.cap; ) {
    const batch = await db
      .select({ order: orders, buyerNickname: users.nickname, createdMicros: createdMicrosOf(orders.createdAt) })
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .where(and(input.where, after ? afterCursor(orders.createdAt, orders.id, after) : undefined))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(Math.min(batchSize, input.cap - sent));
    const last = batch.at(-1);
    if (!last) return;
    const ids = batch.map((row) => row.order.id);
    const [lines, seats] = await Promise.all([
      db.select().from(orderLines).where(inArray(orderLines.orderId, ids)).orderBy(asc(orderLines.title), asc(orderLines.id)),
      db.select({ orderId: groupSeats.orderId, groupId: groupSeats.groupId }).from(groupSeats).where(inArray(groupSeats.orderId, ids)),
    ]);
    const groupOf = new Map(seats.map((s) => [s.orderId, s.groupId]));
    const linesOf = new Map<string, ExportedOrder['lines']>();
    for (const line of lines) {
      const ofOrder = linesOf.get(line.orderId);
      if (ofOrder) ofOrder.push(line);
      else linesOf.set(line.orderId, [line]);
    }
    yield batch
      .map((row): ExportedOrder => ({
        order: row.order,
        buyerNickname: row.buyerNickname,
        groupId: groupOf.get(row.order.id) ?? null,
        lines: linesOf.get(row.order.id) ?? [],
      }))
      .map((exported) => orderCsvRecords(exported, input.role))
      .join('');
    sent += batch.length;
    after = { createdMicros: last.createdMicros, id: last.order.id };
  }
}
