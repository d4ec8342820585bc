import { eq, sql } from 'drizzle-orm';
import type { ConsoleCategory, CreateCategoryBody, UpdateCategoryBody } from '@linli/shared/schemas/catalog-console';
import type { DatabaseHandle, Executor } from '../../db/client';
import { rethrowConstraintError } from './constraint-errors';
import { categories } from './tables';

const columns = { id: categories.id, name: categories.name, sort: categories.sort };

export function categoryRepository(database: DatabaseHandle) {
  return {
    async list(executor: Executor = database.db): Promise<ConsoleCategory[]> {
      return database.rows<ConsoleCategory>(
        executor,
        sql`select c.id, c.name, c.sort, count(p.id)::int as "productCount"
            from categories c left join products p on p.category_id = c.id
            group by c.id
            order by c.sort, c.name`,
      );
    },

    async create(body: CreateCategoryBody, executor: Executor = database.db): Promise<ConsoleCategory> {
      const [row] = await executor
        .insert(categories)
        .values({ name: body.name, sort: body.sort ?? 0 })
        .returning(columns)
        .catch(rethrowConstraintError);
      if (!row) throw new Error('insert returned no row');
      return { ...row, productCount: 0 };
    },

    async update(id: string, patch: UpdateCategoryBody, executor: Executor = database.db): Promise<ConsoleCategory | null> {
      const [row] = await executor.update(categories).set(patch).where(eq(categories.id, id)).returning(columns).catch(rethrowConstraintError);
      if (!row) return null;
      const [counted] = await database.rows<{ productCount: number }>(
        executor,
        sql`select count(*)::int as "productCount" from products where category_id = ${id}::uuid`,
      );
      return { ...row, productCount: counted?.productCount ?? 0 };
    },
  };
}
