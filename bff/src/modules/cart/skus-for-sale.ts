import { sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../../db/client';

/** What checkout needs to know about a SKU: its product, its price, and whether it can be sold now. */
export interface SkuForSale {
  skuId: string;
  productId: string;
  categoryId: string;
  title: string;
  specText: string;
  image: string;
  price: number;
  listPrice: number;
  stock: number;
  onShelf: boolean;
}

export async function loadSkusForSale(database: DatabaseHandle, executor: Executor, skuIds: string[]): Promise<Map<string, SkuForSale>> {
  if (skuIds.length === 0) return new Map();
  const rows = await database.rows<{
    sku_id: string; product_id: string; category_id: string; title: string; specs: Record<string, string>;
    image: string | null; price: number; list_price: number; stock: number; on_shelf: boolean;
  }>(
    executor,
    sql`select s.id as sku_id, p.id as product_id, p.category_id, p.title, s.specs, p.images->>0 as image,
               s.price, s.list_price, s.stock, p.on_shelf
        from skus s join products p on p.id = s.product_id
        where s.id in (${sql.join(skuIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return new Map(
    rows.map((r) => [
      r.sku_id,
      {
        skuId: r.sku_id,
        productId: r.product_id,
        categoryId: r.category_id,
        title: r.title,
        specText: Object.values(r.specs).join(' / '),
        image: r.image ?? '',
        price: r.price,
        listPrice: r.list_price,
        stock: r.stock,
        onShelf: r.on_shelf,
      },
    ]),
  );
}

/** Sums repeated SKUs so each appears once: one line per SKU keeps stock and refunds per line exact. */
export function mergeLines(lines: Array<{ skuId: string; quantity: number }>): Array<{ skuId: string; quantity: number }> {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.skuId, (merged.get(l.skuId) ?? 0) + l.quantity);
  return [...merged].map(([skuId, quantity]) => ({ skuId, quantity }));
}
