import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { products, skus } from '../tables';
import { demoProducts } from './demo-catalog';

/** A demo product as the shop has it now: ids, and its SKUs at today's prices (the merchant may have changed them). */
export interface DemoProductInShop {
  productId: string;
  categoryId: string;
  title: string;
  skus: Array<{ skuId: string; price: number; stock: number }>;
}

/**
 * The named demo products, found by their SKU codes (unique, and the one thing the demo catalog owns).
 * Null when any of them is missing: the shop is not (or no longer) the demo shop, so nothing demo is added.
 */
export async function demoProductsInShop(executor: Executor, slugs: readonly string[]): Promise<Map<string, DemoProductInShop> | null> {
  const wanted = slugs.map((slug) => {
    const product = demoProducts.find((p) => p.slug === slug);
    if (!product) throw new Error(`no demo product ${slug}`);
    return product;
  });
  const codes = wanted.flatMap((p) => p.skus.map((s) => s.code));
  const rows = await executor
    .select({ code: skus.code, skuId: skus.id, price: skus.price, stock: skus.stock, productId: products.id, categoryId: products.categoryId, title: products.title })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(inArray(skus.code, codes));
  const found = new Map<string, DemoProductInShop>();
  for (const product of wanted) {
    const order = product.skus.map((s) => s.code);
    const skuRows = rows.filter((r) => order.includes(r.code)).sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
    const first = skuRows[0];
    if (!first || skuRows.length !== order.length) return null;
    found.set(product.slug, {
      productId: first.productId,
      categoryId: first.categoryId,
      title: first.title,
      skus: skuRows.map(({ skuId, price, stock }) => ({ skuId, price, stock })),
    });
  }
  return found;
}
