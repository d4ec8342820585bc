import { sql } from 'drizzle-orm';
import { orderSkusBySpecs } from '@linli/shared/catalog/spec-rules';
import type { ConsoleProductDetail, ConsoleSku } from '@linli/shared/schemas/catalog-console';
import type { DatabaseHandle, Executor } from '../../db/client';
import { isoUtc } from './product-sql';

/** A product with all its SKUs, on shelf or not: the source of both the shopper's and the console's detail. */
export type ProductRecord = ConsoleProductDetail;

/** One round trip: the product row with its SKUs aggregated as JSON. */
export async function loadProductRecord(database: DatabaseHandle, executor: Executor, id: string): Promise<ProductRecord | null> {
  const [row] = await database.rows<Omit<ProductRecord, 'skus'> & { skus: ConsoleSku[] }>(
    executor,
    sql`select p.id, p.category_id as "categoryId", p.title, p.subtitle, p.detail, p.images, p.specs,
               p.on_shelf as "onShelf", p.sales_count as "salesCount",
               ${isoUtc('p.created_at')} as "createdAt", ${isoUtc('p.updated_at')} as "updatedAt",
               coalesce((select json_agg(json_build_object('id', k.id, 'code', k.code, 'specs', k.specs, 'price', k.price,
                                                          'listPrice', k.list_price, 'stock', k.stock))
                         from skus k where k.product_id = p.id), '[]'::json) as skus
        from products p
        where p.id = ${id}::uuid`,
  );
  if (!row) return null;
  return { ...row, skus: orderSkusBySpecs(row.specs, row.skus) };
}

/** What a product card shows: the cheapest SKU's price and list price, and whether anything is left. */
export function cardPricing(skus: ReadonlyArray<{ price: number; listPrice: number; stock: number }>) {
  let cheapest = skus[0];
  for (const sku of skus) {
    if (cheapest && (sku.price < cheapest.price || (sku.price === cheapest.price && sku.listPrice < cheapest.listPrice))) {
      cheapest = sku;
    }
  }
  return {
    price: cheapest?.price ?? 0,
    listPrice: cheapest?.listPrice ?? 0,
    soldOut: skus.every((s) => s.stock <= 0),
  };
}
