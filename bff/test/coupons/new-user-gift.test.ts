import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { couponTemplates, userCoupons } from '../../src/modules/coupons/tables';
import { buildTestApp } from '../helper';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('the new-user gift', () => {
  it('is issued at a shopper\'s first login and never again', async () => {
    const [gift] = await app.db
      .insert(couponTemplates)
      .values({ title: '新人礼：无门槛减5元', kind: 'amount_off', threshold: 0, amountOff: 500, validDays: 7, newUserGift: true, claimable: false })
      .returning();
    const login = () => app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { name: '新朋友' } });
    const first = (await login()).json();
    await login();
    const held = await app.db.select().from(userCoupons).where(eq(userCoupons.userId, first.user.id));
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ templateId: gift!.id, source: 'new_user', status: 'available' });
    expect(held[0]!.validUntil.getTime() - held[0]!.validFrom.getTime()).toBe(7 * 86_400_000);
  });
});
