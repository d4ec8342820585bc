import { and, eq, sql } from 'drizzle-orm';
import type { App } from '../../src/app';
import { couponTemplates, userCoupons } from '../../src/modules/coupons/tables';
import { createShopper } from '../fixtures';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';
import { createTemplate } from './coupon-fixtures';

describeOnPostgres('coupon claims under concurrency on a real PostgreSQL server', () => {
  let app: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await appOnFreshDatabase());
  });
  afterAll(async () => {
    await close?.();
  });

  const claim = (headers: Record<string, string>, templateId: string) =>
    app.inject({ method: 'POST', url: `/api/coupons/centre/${templateId}/claim`, headers });

  it('issues exactly the 20 remaining coupons to 100 shoppers claiming at once', async () => {
    const template = await createTemplate(app, { totalStock: 50, issuedCount: 30 });
    const shoppers = await Promise.all(Array.from({ length: 100 }, (_, i) => createShopper(app, `claimer${i}`)));

    const results = await Promise.all(shoppers.map((s) => claim(s.headers, template.id)));

    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.json().error.code)).toEqual(Array(80).fill('COUPON_OUT_OF_STOCK'));
    const [row] = await app.db.select({ issued: couponTemplates.issuedCount }).from(couponTemplates).where(eq(couponTemplates.id, template.id));
    expect(row!.issued).toBe(50);
    const [held] = await app.db.select({ n: sql<number>`count(*)::int` }).from(userCoupons).where(eq(userCoupons.templateId, template.id));
    expect(held!.n).toBe(20);
  });

  it('gives one shopper making 10 claims at once exactly one coupon against a limit of 1', async () => {
    const template = await createTemplate(app, { perUserLimit: 1, totalStock: 100 });
    const shopper = await createShopper(app);

    const results = await Promise.all(Array.from({ length: 10 }, () => claim(shopper.headers, template.id)));

    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(Array(9).fill('COUPON_LIMIT_REACHED'));
    const held = await app.db
      .select({ id: userCoupons.id })
      .from(userCoupons)
      .where(and(eq(userCoupons.templateId, template.id), eq(userCoupons.userId, shopper.userId)));
    expect(held).toHaveLength(1);
    const [row] = await app.db.select({ issued: couponTemplates.issuedCount }).from(couponTemplates).where(eq(couponTemplates.id, template.id));
    expect(row!.issued).toBe(1);
  });
});
