import { and, eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { userCoupons } from '../../src/modules/coupons/tables';
import { createTemplate } from '../coupons/coupon-fixtures';
import { paidOrder, referralChain } from '../commissions/commission-fixtures';
import { createProduct, createShopper } from '../fixtures';
import { openShop, type ShopUnderTest } from '../payments/shop-under-test';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import { inviteShareOf, openShare } from './referral-fixtures';

let shop: ShopUnderTest<SandboxPaymentProvider>;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(async () => {
  await shop.close();
});

function rewardsOf(app: App, userId: string) {
  return app.db.select().from(userCoupons).where(and(eq(userCoupons.userId, userId), eq(userCoupons.source, 'referral')));
}

describe('the inviter’s reward (邀请有礼)', () => {
  it('gives the inviter every active referral-reward coupon when the invitee pays a first order, and only then', async () => {
    const { app } = shop;
    const reward = await createTemplate(app, { title: '邀请好友下单得 10 元', referralReward: true, claimable: false });
    await createTemplate(app, { title: '普通券', referralReward: false });
    await createTemplate(app, { title: '停用的邀请券', referralReward: true, active: false });
    const { inviter, buyer } = await referralChain(app);
    expect(await rewardsOf(app, inviter.userId)).toEqual([]);

    const { skuIds } = await createProduct(app, { price: 3000 });
    await paidOrder(app, buyer, skuIds[0]!);
    expect((await rewardsOf(app, inviter.userId)).map((c) => c.templateId)).toEqual([reward.id]);

    await paidOrder(app, buyer, skuIds[0]!);
    expect(await rewardsOf(app, inviter.userId)).toHaveLength(1);
  });

  it('rewards nothing for sharing or for being opened, only for the purchase', async () => {
    const { app } = shop;
    await createTemplate(app, { title: '邀请好友下单得 10 元', referralReward: true, claimable: false });
    const sharer = await createShopper(app, '分享者');
    const viewer = await createShopper(app, '新朋友');
    expect((await openShare(app, await inviteShareOf(app, sharer.headers), viewer.headers)).statusCode).toBe(200);
    expect(await rewardsOf(app, sharer.userId)).toEqual([]);
  });

  it('rewards no one when the buyer was brought in by nobody', async () => {
    const { app } = shop;
    await createTemplate(app, { title: '邀请好友下单得 10 元', referralReward: true, claimable: false });
    const loner = await createShopper(app, '独自来');
    const { skuIds } = await createProduct(app, { price: 3000 });
    await paidOrder(app, loner, skuIds[0]!);
    expect(await app.db.select().from(userCoupons).where(eq(userCoupons.source, 'referral'))).toEqual([]);
  });

  it('skips a reward coupon that has run out, without failing the payment', async () => {
    const { app } = shop;
    await createTemplate(app, { title: '限量邀请券', referralReward: true, claimable: false, totalStock: 1, issuedCount: 1 });
    const { inviter, buyer } = await referralChain(app);
    const { skuIds } = await createProduct(app, { price: 3000 });
    const order = await paidOrder(app, buyer, skuIds[0]!);
    expect(order.status).toBe('to_ship');
    expect(await rewardsOf(app, inviter.userId)).toEqual([]);
  });
});
