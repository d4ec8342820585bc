import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { OrderDetail, OrderStatus, OrderSummary } from '@linli/shared/schemas/order';
import type { Executor } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { groupSeats } from '../group-buys/tables';
import { orderEvents, orderLines, orders } from './tables';

/**
 * Reads of orders. `ownerId` scopes a shopper's read to their own orders: another shopper's order is
 * indistinguishable from one that does not exist. Staff reads pass null.
 */
export async function loadOrderDetail(db: Executor, orderId: string, ownerId: string | null): Promise<OrderDetail | null> {
  const scope = ownerId ? and(eq(orders.id, orderId), eq(orders.userId, ownerId)) : eq(orders.id, orderId);
  const [order] = await db.select().from(orders).where(scope);
  if (!order) return null;
  const [lines, events, [seat]] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id)),
    db.select({ groupId: groupSeats.groupId }).from(groupSeats).where(eq(groupSeats.orderId, orderId)),
  ]);
  return toOrderDetail(order, lines, events, seat?.groupId ?? null);
}

const byTitleThenId = (a: { title: string; id: string }, b: { title: string; id: string }) =>
  a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The API shape of an order from its rows (events oldest first). */
export function toOrderDetail(
  order: typeof orders.$inferSelect,
  lines: Array<typeof orderLines.$inferSelect>,
  events: Array<typeof orderEvents.$inferSelect>,
  groupId: string | null,
): OrderDetail {
  return {
    id: order.id,
    groupId,
    orderNo: order.orderNo,
    status: order.status,
    itemsTotal: order.itemsTotal,
    groupDiscount: order.groupDiscount,
    couponDiscount: order.couponDiscount,
    shippingFee: order.shippingFee,
    shippingDiscount: order.shippingDiscount,
    payable: order.payable,
    refundedAmount: order.refundedAmount,
    address: order.address,
    remark: order.remark,
    lines: [...lines].sort(byTitleThenId).map((l) => ({
      id: l.id, skuId: l.skuId, productId: l.productId, title: l.title, specText: l.specText, image: l.image,
      unitPrice: l.unitPrice, chargedUnitPrice: l.chargedUnitPrice, quantity: l.quantity, groupDiscount: l.groupDiscount,
      couponDiscount: l.couponDiscount, payable: l.payable, refundedQuantity: l.refundedQuantity, refundedAmount: l.refundedAmount,
    })),
    events: events.map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus, action: e.action, actorKind: e.actorKind, note: e.note, at: e.createdAt.toISOString() })),
    carrier: order.carrier,
    trackingNo: order.trackingNo,
    createdAt: order.createdAt.toISOString(),
    expiresAt: order.status === 'pending_payment' ? order.expiresAt.toISOString() : null,
    paidAt: order.paidAt?.toISOString() ?? null,
    shippedAt: order.shippedAt?.toISOString() ?? null,
    completedAt: order.completedAt?.toISOString() ?? null,
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
  };
}

export async function listOrders(
  db: Executor,
  query: { ownerId: string | null; status?: OrderStatus; cursor?: string; limit: number; extra?: SQL },
): Promise<{ items: OrderSummary[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const conditions = [
    query.ownerId ? eq(orders.userId, query.ownerId) : undefined,
    query.status ? eq(orders.status, query.status) : undefined,
    after ? afterCursor(orders.createdAt, orders.id, after) : undefined,
    query.extra,
  ];
  const rows = await db
    .select({ order: orders, createdMicros: createdMicrosOf(orders.createdAt) })
    .from(orders)
    .where(and(...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(query.limit + 1);
  const { page: pageRows, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.createdMicros, id: last.order.id }));
  const page = pageRows.map((r) => r.order);
  const firstLines = new Map<string, { title: string; image: string; count: number }>();
  const groupOf = new Map<string, string>();
  if (page.length > 0) {
    const seats = await db
      .select({ orderId: groupSeats.orderId, groupId: groupSeats.groupId })
      .from(groupSeats)
      .where(inArray(groupSeats.orderId, page.map((o) => o.id)));
    for (const s of seats) groupOf.set(s.orderId, s.groupId);
    const lines = await db
      .select({ orderId: orderLines.orderId, title: orderLines.title, image: orderLines.image, quantity: orderLines.quantity })
      .from(orderLines)
      .where(or(...page.map((o) => eq(orderLines.orderId, o.id))))
      .orderBy(orderLines.title);
    for (const l of lines) {
      const seen = firstLines.get(l.orderId);
      if (seen) seen.count += l.quantity;
      else firstLines.set(l.orderId, { title: l.title, image: l.image, count: l.quantity });
    }
  }
  return {
    items: page.map((o) => {
      const first = firstLines.get(o.id);
      return {
        id: o.id,
        groupId: groupOf.get(o.id) ?? null,
        orderNo: o.orderNo,
        status: o.status,
        payable: o.payable,
        itemCount: first?.count ?? 0,
        cover: first?.image ?? '',
        title: first?.title ?? '',
        createdAt: o.createdAt.toISOString(),
        expiresAt: o.status === 'pending_payment' ? o.expiresAt.toISOString() : null,
      };
    }),
    nextCursor,
  };
}
