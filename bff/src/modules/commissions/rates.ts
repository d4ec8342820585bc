import { desc, eq, inArray } from 'drizzle-orm';
import type { CommissionRateBody, ProductCommissionRate, ProductRatePage, ReferralSettings } from '@linli/shared/schemas/promoters';
import type { Executor } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { notFound } from '../../plugins/errors';
import { products } from '../catalog/tables';
import { productCommissionRates } from './tables';

export interface LevelRates {
  level1Bp: number;
  level2Bp: number;
}

/** Each product's rates: its own when set, else the shop default. */
export async function ratesForProducts(db: Executor, productIds: readonly string[], settings: ReferralSettings): Promise<Map<string, LevelRates>> {
  const own = productIds.length
    ? await db.select().from(productCommissionRates).where(inArray(productCommissionRates.productId, [...productIds]))
    : [];
  return new Map(
    productIds.map((id) => {
      const rate = own.find((r) => r.productId === id);
      return [id, rate ? { level1Bp: rate.level1Bp, level2Bp: rate.level2Bp } : { level1Bp: settings.level1RateBp, level2Bp: settings.level2RateBp }];
    }),
  );
}

export async function productRate(db: Executor, productId: string): Promise<ProductCommissionRate> {
  await assertProductExists(db, productId);
  const [rate] = await db.select().from(productCommissionRates).where(eq(productCommissionRates.productId, productId));
  return { productId, rate: rate ? { level1Bp: rate.level1Bp, level2Bp: rate.level2Bp } : null };
}

export async function setProductRate(db: Executor, productId: string, body: CommissionRateBody, now: Date): Promise<ProductCommissionRate> {
  await assertProductExists(db, productId);
  await db
    .insert(productCommissionRates)
    .values({ productId, ...body, updatedAt: now })
    .onConflictDoUpdate({ target: productCommissionRates.productId, set: { ...body, updatedAt: now } });
  return { productId, rate: { ...body } };
}

/** The products that have their own rates, the latest changed first. */
export async function listProductRates(db: Executor, query: { cursor?: string; limit: number }): Promise<ProductRatePage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({
      productId: productCommissionRates.productId,
      title: products.title,
      images: products.images,
      onShelf: products.onShelf,
      level1Bp: productCommissionRates.level1Bp,
      level2Bp: productCommissionRates.level2Bp,
      updatedAt: productCommissionRates.updatedAt,
      updatedMicros: createdMicrosOf(productCommissionRates.updatedAt),
    })
    .from(productCommissionRates)
    .innerJoin(products, eq(products.id, productCommissionRates.productId))
    .where(after ? afterCursor(productCommissionRates.updatedAt, productCommissionRates.productId, after) : undefined)
    .orderBy(desc(productCommissionRates.updatedAt), desc(productCommissionRates.productId))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.updatedMicros, id: last.productId }));
  return {
    items: page.map(({ images, updatedMicros: _, updatedAt, ...row }) => ({ ...row, coverUrl: images[0] ?? '', updatedAt: updatedAt.toISOString() })),
    nextCursor,
  };
}

/** Back to the shop default. */
export async function clearProductRate(db: Executor, productId: string): Promise<ProductCommissionRate> {
  await assertProductExists(db, productId);
  await db.delete(productCommissionRates).where(eq(productCommissionRates.productId, productId));
  return { productId, rate: null };
}

async function assertProductExists(db: Executor, productId: string): Promise<void> {
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId));
  if (!product) throw notFound('商品');
}
