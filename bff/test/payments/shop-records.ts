import { asc, eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { products, skus } from '../../src/modules/catalog/tables';
import { afterSales, orderEvents, orders } from '../../src/modules/orders/tables';
import { payments, refunds } from '../../src/modules/payments/tables';

/** The rows behind an order, read straight from the database: what the tests hold the app to. */

export async function orderRow(app: App, orderId: string) {
  const [row] = await app.db.select().from(orders).where(eq(orders.id, orderId));
  if (!row) throw new Error(`no order ${orderId}`);
  return row;
}

export async function paymentOf(app: App, orderId: string) {
  const [row] = await app.db.select().from(payments).where(eq(payments.orderId, orderId));
  if (!row) throw new Error(`no payment for order ${orderId}`);
  return row;
}

export function refundsOf(app: App, orderId: string) {
  return app.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt), asc(refunds.id));
}

export function eventsOf(app: App, orderId: string) {
  return app.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id));
}

export async function stockOf(app: App, skuId: string): Promise<number> {
  const [row] = await app.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, skuId));
  if (!row) throw new Error(`no sku ${skuId}`);
  return row.stock;
}

export async function salesCountOf(app: App, productId: string): Promise<number> {
  const [row] = await app.db.select({ salesCount: products.salesCount }).from(products).where(eq(products.id, productId));
  if (!row) throw new Error(`no product ${productId}`);
  return row.salesCount;
}

export async function afterSaleStatusOf(app: App, afterSaleId: string) {
  const [row] = await app.db.select({ status: afterSales.status }).from(afterSales).where(eq(afterSales.id, afterSaleId));
  if (!row) throw new Error(`no after-sale ${afterSaleId}`);
  return row.status;
}
