import { eq } from 'drizzle-orm';
import type { OrderDetail, ShippingAddress } from '@linli/shared/schemas/order';
import type { App } from '../../src/app';
import { orders } from '../../src/modules/orders/tables';
import { address, createProduct, idempotencyKey } from '../fixtures';
import { pay } from '../group-buys/seat-fixtures';

/** An order placed and paid through the shopper's API (sandbox notify): it waits to ship. */
export async function toShipOrder(
  app: App,
  headers: Record<string, string>,
  input: { skuIds?: string[]; quantity?: number; address?: ShippingAddress; remark?: string } = {},
): Promise<OrderDetail> {
  const skuIds = input.skuIds ?? (await createProduct(app, { price: 2500 })).skuIds;
  const placed = await app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { ...headers, 'idempotency-key': idempotencyKey() },
    payload: { lines: skuIds.map((skuId) => ({ skuId, quantity: input.quantity ?? 1 })), address: input.address ?? address, ...(input.remark ? { remark: input.remark } : {}) },
  });
  if (placed.statusCode !== 201) throw new Error(`placing failed: ${placed.statusCode} ${placed.body}`);
  const order = placed.json<OrderDetail>();
  if ((await pay(app, headers, order.id)) !== 200) throw new Error(`paying ${order.orderNo} failed`);
  return (await app.inject({ method: 'GET', url: `/api/orders/${order.id}`, headers })).json<OrderDetail>();
}

/** Moves when an order was placed, to put it on a chosen Shanghai day. */
export async function placeAt(app: App, orderId: string, at: string): Promise<void> {
  await app.db.update(orders).set({ createdAt: new Date(at) }).where(eq(orders.id, orderId));
}
