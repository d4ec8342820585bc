import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { expireCoupons } from '../../src/modules/coupons/expire-coupons';
import { userCoupons } from '../../src/modules/coupons/tables';
import { createShopper } from '../fixtures';
import { buildTestApp } from '../helper';
import { createTemplate } from './coupon-fixtures';

let app: App;
let now = new Date('2026-06-01T00:00:00.000Z');
beforeAll(async () => {
  app = await buildTestApp({}, { clock: () => now });
});
afterAll(async () => {
  await app.close();
});

const statusOf = async (id: string) => (await app.db.select({ s: userCoupons.status }).from(userCoupons).where(eq(userCoupons.id, id)))[0]!.s;

describe('the coupon expiry job', () => {
  it('expires available coupons past their validity and leaves valid and locked ones alone', async () => {
    const template = await createTemplate(app, { perUserLimit: 5 });
    const shopper = await createShopper(app);
    const base = { userId: shopper.userId, templateId: template.id, source: 'claim' as const, validFrom: new Date('2026-05-01T00:00:00Z') };
    const [past, valid, locked] = await app.db
      .insert(userCoupons)
      .values([
        { ...base, validUntil: new Date('2026-06-01T00:00:00Z') },
        { ...base, validUntil: new Date('2026-06-01T00:00:01Z') },
        { ...base, validUntil: new Date('2026-05-15T00:00:00Z'), status: 'locked', orderId: '00000000-0000-4000-8000-000000000042' },
      ])
      .returning();

    expect(await expireCoupons(app, 100)).toBe(1);

    expect(await statusOf(past!.id)).toBe('expired');
    expect(await statusOf(valid!.id)).toBe('available');
    expect(await statusOf(locked!.id)).toBe('locked');
  });

  it('expires at most the given number per run and the rest on the next', async () => {
    now = new Date('2026-09-01T00:00:00.000Z');
    await expireCoupons(app, 1000); // whatever earlier tests left behind
    const template = await createTemplate(app, { perUserLimit: 5 });
    const shopper = await createShopper(app);
    await app.db.insert(userCoupons).values(
      Array.from({ length: 3 }, () => ({ userId: shopper.userId, templateId: template.id, source: 'claim' as const, validFrom: new Date('2026-05-01T00:00:00Z'), validUntil: new Date('2026-08-01T00:00:00Z') })),
    );
    expect(await expireCoupons(app, 2)).toBe(2);
    expect(await expireCoupons(app, 2)).toBe(1);
    expect(await expireCoupons(app, 2)).toBe(0);
  });
});
