import { eq, sql } from 'drizzle-orm';
import type { ConsoleSku, SkuInput } from '@linli/shared/schemas/catalog-console';
import type { DatabaseHandle, Executor } from '../../db/client';
import { rethrowConstraintError } from './constraint-errors';
import { skus } from './tables';

const columns = { id: skus.id, code: skus.code, specs: skus.specs, price: skus.price, listPrice: skus.listPrice, stock: skus.stock };

export function skuRepository(database: DatabaseHandle) {
  return {
    /** One INSERT for all of a product's SKUs. */
    async insert(productId: string, inputs: readonly SkuInput[], executor: Executor = database.db): Promise<ConsoleSku[]> {
      return executor
        .insert(skus)
        .values(inputs.map((s) => ({ productId, code: s.code, specs: s.specs, price: s.price, listPrice: s.listPrice, stock: s.stock ?? 0 })))
        .returning(columns)
        .catch(rethrowConstraintError);
    },

    async ofProduct(productId: string, executor: Executor = database.db): Promise<ConsoleSku[]> {
      return executor.select(columns).from(skus).where(eq(skus.productId, productId));
    },

    async lock(id: string, executor: Executor): Promise<ConsoleSku | null> {
      const [row] = await executor.select(columns).from(skus).where(eq(skus.id, id)).for('update');
      return row ?? null;
    },

    async setPrice(id: string, price: number, listPrice: number, executor: Executor = database.db): Promise<ConsoleSku | null> {
      const [row] = await executor
        .update(skus)
        .set({ price, listPrice, updatedAt: sql`now()` })
        .where(eq(skus.id, id))
        .returning(columns)
        .catch(rethrowConstraintError);
      return row ?? null;
    },

    /**
     * Adds `delta` (negative removes) in one conditional UPDATE, so concurrent adjustments and
     * orders can never together drive stock below zero. Null when the SKU is missing or the stock
     * would go negative; `exists` tells the two apart.
     */
    async adjustStock(id: string, delta: number, executor: Executor = database.db): Promise<number | null> {
      const [row] = await executor
        .update(skus)
        .set({ stock: sql`${skus.stock} + ${delta}`, updatedAt: sql`now()` })
        .where(sql`${skus.id} = ${id} and ${skus.stock} + ${delta} >= 0`)
        .returning({ stock: skus.stock });
      return row ? row.stock : null;
    },

    async exists(id: string, executor: Executor = database.db): Promise<boolean> {
      const [row] = await executor.select({ id: skus.id }).from(skus).where(eq(skus.id, id));
      return row !== undefined;
    },
  };
}
