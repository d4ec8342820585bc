import type { App } from '../../src/app';
import { couponTemplates } from '../../src/modules/coupons/tables';

type TemplateInput = Partial<typeof couponTemplates.$inferInsert>;

/** A template written straight to the database: 10 yuan off, valid 7 days after claim, unless overridden. */
export async function createTemplate(app: App, input: TemplateInput = {}): Promise<typeof couponTemplates.$inferSelect> {
  const [row] = await app.db
    .insert(couponTemplates)
    .values({ title: '满 100 减 10', kind: 'amount_off', threshold: 10000, amountOff: 1000, validDays: 7, ...input })
    .returning();
  return row!;
}
