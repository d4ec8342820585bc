import type { App } from '../../src/app';
import { groupCampaignSkus, groupCampaigns } from '../../src/modules/group-buys/tables';
import { asSandbox } from '../../src/modules/payments/connect';
import { address, createProduct, idempotencyKey } from '../fixtures';

/** A product with one SKU (¥30.00, stock 100) in an active campaign. */
export async function createCampaign(
  app: App,
  input: { groupSize?: number; groupPrice?: number; leaderPrice?: number | null; timeLimitMinutes?: number; perUserLimit?: number; newUsersOnly?: boolean; stock?: number; now?: Date } = {},
) {
  const now = input.now ?? new Date();
  const { productId, skuIds } = await createProduct(app, { price: 3000, stock: input.stock ?? 100 });
  const [campaign] = await app.db
    .insert(groupCampaigns)
    .values({
      productId,
      title: '2人拼团',
      groupSize: input.groupSize ?? 2,
      timeLimitMinutes: input.timeLimitMinutes ?? 60,
      startsAt: new Date(now.getTime() - 86_400_000),
      endsAt: new Date(now.getTime() + 30 * 86_400_000),
      perUserLimit: input.perUserLimit ?? 1,
      newUsersOnly: input.newUsersOnly ?? false,
    })
    .returning();
  await app.db.insert(groupCampaignSkus).values({ campaignId: campaign!.id, skuId: skuIds[0]!, groupPrice: input.groupPrice ?? 1990, leaderPrice: input.leaderPrice ?? null });
  return { campaignId: campaign!.id, productId, skuId: skuIds[0]! };
}

export function placeGroupOrder(app: App, headers: Record<string, string>, input: { campaignId: string; skuId: string; groupId?: string; userCouponId?: string }) {
  return app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { ...headers, 'idempotency-key': idempotencyKey() },
    payload: { lines: [{ skuId: input.skuId, quantity: 1 }], address, ...(input.userCouponId ? { userCouponId: input.userCouponId } : {}), groupBuy: { campaignId: input.campaignId, ...(input.groupId ? { groupId: input.groupId } : {}) } },
  });
}

/** Prepay and deliver the sandbox's signed notify; returns the notify delivery's status. */
export async function pay(app: App, headers: Record<string, string>, orderId: string): Promise<number> {
  await app.inject({ method: 'POST', url: `/api/orders/${orderId}/pay`, headers });
  const res = await app.inject({ method: 'POST', url: `/api/payments/sandbox/orders/${orderId}/confirm`, headers });
  return res.statusCode;
}

/** The signed notify for an order, without delivering it (for races). */
export async function notifyFor(app: App, headers: Record<string, string>, orderId: string, orderNo: string) {
  await app.inject({ method: 'POST', url: `/api/orders/${orderId}/pay`, headers });
  return asSandbox(app.payments)!.confirmPayment(orderNo);
}
