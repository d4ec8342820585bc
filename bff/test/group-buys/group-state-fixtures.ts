import { randomUUID } from 'node:crypto';
import type { GroupStatus, SeatStatus } from '@linli/shared/schemas/group-buys';
import type { App } from '../../src/app';
import { groupCampaigns, groupCampaignSkus, groupSeats, groups } from '../../src/modules/group-buys/tables';
import { orders } from '../../src/modules/orders/tables';
import { users } from '../../src/modules/users/tables';
import { address, createProduct } from '../fixtures';

const hour = 3_600_000;

/** A running campaign on a fresh product (price 1990) with a group price of 1500 on its SKU. */
export async function createRunningCampaign(app: App, input: Partial<typeof groupCampaigns.$inferInsert> = {}) {
  const { productId, skuIds } = await createProduct(app);
  const [campaign] = await app.db
    .insert(groupCampaigns)
    .values({ productId, title: '三人团', groupSize: 3, timeLimitMinutes: 1440, startsAt: new Date(Date.now() - hour), endsAt: new Date(Date.now() + 24 * hour), ...input })
    .returning();
  await app.db.insert(groupCampaignSkus).values({ campaignId: campaign!.id, skuId: skuIds[0]!, groupPrice: 1500, leaderPrice: 1200 });
  return { campaign: campaign!, productId, skuId: skuIds[0]! };
}

export interface SeatSpec {
  nickname: string;
  avatarUrl?: string;
  status: SeatStatus;
}

/**
 * A group in a given state with its seats, written directly: opening and joining through order
 * placement are tested elsewhere. The first seat is the leader's; each seat gets a minimal order.
 */
export async function insertGroup(
  app: App,
  campaign: { id: string; groupSize: number },
  input: { status: GroupStatus; seats: SeatSpec[]; expiresInMs?: number },
) {
  const members = [];
  for (const seat of input.seats) {
    const [user] = await app.db
      .insert(users)
      .values({ nickname: seat.nickname, avatarUrl: seat.avatarUrl ?? `/media/avatars/${seat.nickname}.png`, devLogin: `g-${randomUUID()}` })
      .returning({ id: users.id });
    const [order] = await app.db
      .insert(orders)
      .values({
        orderNo: `G${randomUUID().replaceAll('-', '').slice(0, 20)}`,
        userId: user!.id,
        status: seat.status === 'paid' ? 'awaiting_group' : 'pending_payment',
        itemsTotal: 1500,
        shippingFee: 0,
        payable: 1500,
        address,
        idempotencyKey: randomUUID(),
        requestHash: 'test',
        expiresAt: new Date(Date.now() + hour),
      })
      .returning({ id: orders.id });
    members.push({ userId: user!.id, orderId: order!.id, ...seat });
  }
  const [group] = await app.db
    .insert(groups)
    .values({
      campaignId: campaign.id,
      leaderId: members[0]!.userId,
      status: input.status,
      size: campaign.groupSize,
      seatsTaken: input.seats.filter((s) => s.status === 'reserved' || s.status === 'paid').length,
      seatsPaid: input.seats.filter((s) => s.status === 'paid').length,
      openedAt: input.status === 'pending' ? null : new Date(),
      expiresAt: input.status === 'pending' ? null : new Date(Date.now() + (input.expiresInMs ?? hour)),
    })
    .returning();
  // Seats in join order: the leader's first, the others a millisecond apart.
  for (const [i, m] of members.entries()) {
    await app.db
      .insert(groupSeats)
      .values({ groupId: group!.id, userId: m.userId, orderId: m.orderId, isLeader: i === 0, status: m.status, createdAt: new Date(Date.now() + i) });
  }
  return { group: group!, members };
}
