import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { demoCategories, demoProducts, type DemoProduct } from './demo/demo-catalog';
import { renderProductImage } from './demo/product-image';
import type { ImageStorage } from './image-storage';
import { catalogReadCache } from './read-cache';
import { categories, products, skus } from './tables';

async function catalogIsEmpty(executor: Executor): Promise<boolean> {
  const rows = await executor.select({ id: products.id }).from(products).limit(1);
  return rows.length === 0;
}

async function storeImages(media: ImageStorage, product: DemoProduct): Promise<string[]> {
  const urls: string[] = [];
  for (let variant = 0; variant < product.imageCount; variant++) {
    const png = renderProductImage({ ...product.image, variant });
    urls.push(await media.put(`products/${product.slug}-${variant + 1}.png`, png, 'image/png'));
  }
  return urls;
}

/**
 * Fills an empty catalog with the demo shop: categories, products and SKUs in one transaction, three
 * INSERTs in all, with rendered product images in the media store. Returns null, touching nothing,
 * when the catalog already has products — a shop's own data is never mixed with the demo's.
 */
export async function seedDemoCatalog(target: { db: Database; media: ImageStorage }): Promise<{ categories: number; products: number } | null> {
  const { db, media } = target;
  if (!(await catalogIsEmpty(db))) return null;

  // Rendering takes seconds; it happens before the transaction so no lock is held meanwhile.
  const images = new Map<string, string[]>();
  for (const product of demoProducts) images.set(product.slug, await storeImages(media, product));

  const seeded = await db.transaction(async (tx) => {
    // Instances booting together on one database: the second waits here, then finds products and stops.
    await tx.execute(sql`lock table ${products} in share row exclusive mode`);
    if (!(await catalogIsEmpty(tx))) return null;

    // A category the merchant already made under a demo name is reused, not duplicated.
    const categoryRows = await tx
      .insert(categories)
      .values(demoCategories.map(({ name, sort }) => ({ name, sort })))
      .onConflictDoUpdate({ target: categories.name, set: { name: sql`excluded.name` } })
      .returning({ id: categories.id, name: categories.name });
    const categoryIdByName = new Map(categoryRows.map((c) => [c.name, c.id]));
    const categoryIdBySlug = new Map(demoCategories.map((c) => [c.slug, categoryIdByName.get(c.name)]));

    // The data files list products best first; a minute apart, newest first shows them in that order.
    const startedAt = Date.now();
    const rows = demoProducts.map((product, index) => {
      const categoryId = categoryIdBySlug.get(product.categorySlug);
      if (!categoryId) throw new Error(`demo product ${product.slug} names unknown category ${product.categorySlug}`);
      const id = randomUUID();
      const createdAt = new Date(startedAt - index * 60_000);
      return {
        product: {
          id,
          categoryId,
          title: product.title,
          subtitle: product.subtitle,
          detail: product.detail,
          images: images.get(product.slug) ?? [],
          specs: product.specs,
          onShelf: product.onShelf,
          createdAt,
          updatedAt: createdAt,
        },
        skus: product.skus.map((sku) => ({ productId: id, ...sku })),
      };
    });
    await tx.insert(products).values(rows.map((r) => r.product));
    await tx.insert(skus).values(rows.flatMap((r) => r.skus));
    return { categories: demoCategories.length, products: demoProducts.length };
  });

  if (seeded) catalogReadCache(db).invalidate();
  return seeded;
}
