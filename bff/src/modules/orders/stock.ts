import { and, eq, gte, sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../../db/client';
import { skus } from '../catalog/tables';

/**
 * Takes stock with one conditional decrement per SKU, in SKU id order. The `stock >= quantity`
 * condition makes overselling impossible whatever the concurrency; the fixed order means two orders
 * sharing SKUs lock them in the same sequence and cannot deadlock. Returns the first SKU short of stock.
 */
export async function takeStock(tx: Executor, lines: Array<{ skuId: string; quantity: number }>): Promise<string | null> {
  const sorted = [...lines].sort(bySkuId);
  // Sent together (pipelined) but executed in this order on the transaction's connection.
  const taken = await Promise.all(
    sorted.map((line) =>
      tx
        .update(skus)
        .set({ stock: sql`${skus.stock} - ${line.quantity}`, updatedAt: sql`now()` })
        .where(and(eq(skus.id, line.skuId), gte(skus.stock, line.quantity)))
        .returning({ id: skus.id }),
    ),
  );
  const short = taken.findIndex((rows) => rows.length === 0);
  return short === -1 ? null : sorted[short]!.skuId;
}

/** Gives back what an order still holds (ordered minus already-refunded units), in the same SKU order. */
export async function returnStock(database: DatabaseHandle, tx: Executor, orderId: string): Promise<void> {
  const lines = await database.rows<{ sku_id: string; quantity: number }>(
    tx,
    sql`select sku_id, quantity - refunded_quantity as quantity from order_lines
        where order_id = ${orderId} and quantity > refunded_quantity order by sku_id`,
  );
  await addStock(tx, lines.map((l) => ({ skuId: l.sku_id, quantity: l.quantity })));
}

export async function addStock(tx: Executor, lines: Array<{ skuId: string; quantity: number }>): Promise<void> {
  for (const line of [...lines].sort(bySkuId)) {
    await tx
      .update(skus)
      .set({ stock: sql`${skus.stock} + ${line.quantity}`, updatedAt: sql`now()` })
      .where(eq(skus.id, line.skuId));
  }
}


/** Plain code-unit order: the same order everywhere we lock SKUs (and the same as uuid order in SQL). */
function bySkuId(a: { skuId: string }, b: { skuId: string }): number {
  return a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0;
}
