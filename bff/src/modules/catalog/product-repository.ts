import { eq, sql } from 'drizzle-orm';
import type {
  ConsoleProductPage,
  ConsoleProductRow,
  CreateProductBody,
  UpdateProductBody,
} from '@linli/shared/schemas/catalog-console';
import type { DatabaseHandle, Executor } from '../../db/client';
import { rethrowConstraintError } from './constraint-errors';
import { decodeCursor, keysetPage } from '../../db/cursor';
import { createdMicros, isoUtc, productConditions } from './product-sql';
import { products, type SpecDefinition } from './tables';

export interface ConsoleProductQuery {
  categoryId?: string;
  q?: string;
  onShelf?: boolean;
  cursor?: string;
  limit: number;
}

/** The console's products: every product, on shelf or not. */
export function productRepository(database: DatabaseHandle) {
  return {
    async page(query: ConsoleProductQuery, executor: Executor = database.db): Promise<ConsoleProductPage> {
      const where = productConditions({
        onShelf: query.onShelf,
        categoryId: query.categoryId,
        q: query.q,
        after: query.cursor ? decodeCursor(query.cursor) : undefined,
      });
      const rows = await database.rows<ConsoleProductRow & { createdMicros: string }>(
        executor,
        sql`select p.id, p.category_id as "categoryId", p.title, coalesce(p.images->>0, '') as "coverUrl",
                   p.on_shelf as "onShelf", p.sales_count as "salesCount",
                   k.price, k.max_price as "maxPrice", k.total_stock as "totalStock", k.sku_count as "skuCount",
                   ${isoUtc('p.updated_at')} as "updatedAt", ${createdMicros} as "createdMicros"
            from products p
            cross join lateral (
              select coalesce(min(s.price), 0) as price, coalesce(max(s.price), 0) as max_price, coalesce(sum(s.stock), 0)::int as total_stock, count(*)::int as sku_count
              from skus s where s.product_id = p.id
            ) k
            where ${where}
            order by p.created_at desc, p.id desc
            limit ${query.limit + 1}`,
      );
      const { page: items, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.createdMicros, id: last.id }));
      return { items: items.map(({ createdMicros: _omit, ...row }) => row), nextCursor };
    },

    async insert(body: Omit<CreateProductBody, 'skus'>, executor: Executor = database.db): Promise<string> {
      const [row] = await executor
        .insert(products)
        .values({
          categoryId: body.categoryId,
          title: body.title,
          subtitle: body.subtitle ?? '',
          detail: body.detail ?? '',
          images: body.images,
          specs: body.specs,
          onShelf: body.onShelf ?? false,
        })
        .returning({ id: products.id })
        .catch(rethrowConstraintError);
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },

    async update(id: string, patch: UpdateProductBody, executor: Executor = database.db): Promise<boolean> {
      const updated = await executor
        .update(products)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(products.id, id))
        .returning({ id: products.id })
        .catch(rethrowConstraintError);
      return updated.length > 0;
    },

    async setShelf(id: string, onShelf: boolean, executor: Executor = database.db): Promise<boolean> {
      const updated = await executor
        .update(products)
        .set({ onShelf, updatedAt: sql`now()` })
        .where(eq(products.id, id))
        .returning({ id: products.id });
      return updated.length > 0;
    },

    /** The product's spec lists, holding its row until the transaction ends so SKU changes serialise. */
    async lockSpecs(id: string, executor: Executor): Promise<SpecDefinition[] | null> {
      const [row] = await executor.select({ specs: products.specs }).from(products).where(eq(products.id, id)).for('update');
      return row ? row.specs : null;
    },
  };
}
