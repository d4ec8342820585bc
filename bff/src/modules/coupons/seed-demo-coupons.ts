import { eq, sql } from 'drizzle-orm';
import type { CreateCouponTemplateBody } from '@linli/shared/schemas/coupons';
import type { Database } from '../../db/client';
import { demoProductsInShop } from '../catalog/demo/demo-products-in-shop';
import { createTemplate } from './coupon-templates';
import { couponTemplates } from './tables';

/** The demo product whose category the category coupon covers (生鲜水果). */
const freshFruitProduct = 'mango-hainan-guifei';

/**
 * The demo shop's coupons, in the order the claim centre lists them: four for everyone, one for fresh
 * fruit only, and a new-user gift that first login hands out (so it is not in the centre). Each is valid
 * 30 days from the moment it is issued, so the centre stays full however old the demo shop gets.
 */
export function demoCouponTemplates(freshFruitCategoryId: string): CreateCouponTemplateBody[] {
  const common = { validDays: 30 } as const;
  return [
    { ...common, title: '满99减10', kind: 'amount_off', threshold: 9900, amountOff: 1000, totalStock: 1000, perUserLimit: 2 },
    { ...common, title: '满199减30', kind: 'amount_off', threshold: 19900, amountOff: 3000, totalStock: 500, perUserLimit: 1 },
    { ...common, title: '全场9折 最高减20元', kind: 'percent_off', percentOff: 10, cap: 2000, totalStock: 500, perUserLimit: 1 },
    { ...common, title: '包邮券', kind: 'free_shipping', totalStock: 2000, perUserLimit: 3 },
    {
      ...common,
      title: '生鲜水果 满59减8',
      kind: 'amount_off',
      threshold: 5900,
      amountOff: 800,
      scopeKind: 'categories',
      scopeIds: [freshFruitCategoryId],
      totalStock: 800,
      perUserLimit: 1,
    },
    { ...common, title: '新人专享 满39减5', kind: 'amount_off', threshold: 3900, amountOff: 500, perUserLimit: 1, claimable: false, newUserGift: true },
  ];
}

/**
 * Coupon templates for a demo shop that has never had one, written through the console's own rules;
 * null otherwise. The table lock makes instances booting together on one database seed once.
 */
export async function seedDemoCoupons(target: { db: Database }): Promise<{ templates: number } | null> {
  return target.db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${couponTemplates} in share row exclusive mode`);
    const [existing] = await tx.select({ id: couponTemplates.id }).from(couponTemplates).limit(1);
    if (existing) return null;
    const found = await demoProductsInShop(tx, [freshFruitProduct]);
    const fruit = found?.get(freshFruitProduct);
    if (!fruit) return null;

    const templates = demoCouponTemplates(fruit.categoryId);
    for (const [index, body] of templates.entries()) {
      const template = await createTemplate(tx, body);
      // One transaction gives every row the same now(); the centre lists oldest first, so space them out.
      await tx
        .update(couponTemplates)
        .set({ createdAt: sql`${couponTemplates.createdAt} + ${index}::int * interval '1 second'` })
        .where(eq(couponTemplates.id, template.id));
    }
    return { templates: templates.length };
  });
}
