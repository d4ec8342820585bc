import { asc, sql } from 'drizzle-orm';
import type { Category, ProductCard, ProductDetail, ProductPage } from '@linli/shared/schemas/catalog';
import type { DatabaseHandle } from '../../db/client';
import { decodeCursor, keysetPage } from '../../db/cursor';
import { cardPricing, loadProductRecord } from './product-record';
import { createdMicros, productConditions } from './product-sql';
import { categories } from './tables';

export interface ShelfQuery {
  categoryId?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

type CardRow = ProductCard & { createdMicros: string };

/** What shoppers may see: on-shelf products that have at least one SKU. */
export function shelfRepository(database: DatabaseHandle) {
  const { db } = database;

  return {
    async categories(): Promise<Category[]> {
      return db
        .select({ id: categories.id, name: categories.name, sort: categories.sort })
        .from(categories)
        .orderBy(asc(categories.sort), asc(categories.name));
    },

    /**
     * One round trip: the lateral subquery reads each product's SKUs once, taking the cheapest
     * (ties: the lower list price) and, through a window over the same rows, whether any has stock.
     */
    async page(query: ShelfQuery): Promise<ProductPage> {
      const where = productConditions({
        onShelf: true,
        categoryId: query.categoryId,
        q: query.q,
        after: query.cursor ? decodeCursor(query.cursor) : undefined,
      });
      const rows = await database.rows<CardRow>(
        db,
        sql`select p.id, p.category_id as "categoryId", p.title, p.subtitle, coalesce(p.images->>0, '') as "coverUrl",
                   p.sales_count as "salesCount", k.price, k.list_price as "listPrice", not k.in_stock as "soldOut",
                   ${createdMicros} as "createdMicros"
            from products p
            cross join lateral (
              select s.price, s.list_price, bool_or(s.stock > 0) over () as in_stock
              from skus s where s.product_id = p.id
              order by s.price, s.list_price
              limit 1
            ) k
            where ${where}
            order by p.created_at desc, p.id desc
            limit ${query.limit + 1}`,
      );
      const { page: items, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.createdMicros, id: last.id }));
      return { items: items.map(({ createdMicros: _omit, ...card }) => card), nextCursor };
    },

    async product(id: string): Promise<ProductDetail | null> {
      const record = await loadProductRecord(database, db, id);
      if (!record || !record.onShelf || record.skus.length === 0) return null;
      return {
        id: record.id,
        categoryId: record.categoryId,
        title: record.title,
        subtitle: record.subtitle,
        coverUrl: record.images[0] ?? '',
        ...cardPricing(record.skus),
        salesCount: record.salesCount,
        images: record.images,
        detail: record.detail,
        onShelf: record.onShelf,
        specs: record.specs,
        skus: record.skus.map(({ id: skuId, specs, price, listPrice, stock }) => ({ id: skuId, specs, price, listPrice, stock })),
      };
    },
  };
}
