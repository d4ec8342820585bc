import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../../db/client';
import { AppError } from '../../plugins/errors';
import { orders } from '../orders/tables';
import { recordEvent } from '../analytics/record-event';
import { type groupCampaigns, groupSeats, groups } from './tables';

/**
 * Seats are how orders take part in a group. Every change to a group's counters is one guarded UPDATE
 * on the group row, so the last seats go to exactly as many buyers as there are seats, success
 * happens once, and success and failure (the expiry job) cannot both win: whichever commits first
 * moves the group out of 'open', and the other's `WHERE status = 'open'` then matches nothing.
 */

type Campaign = typeof groupCampaigns.$inferSelect;

/** Checks that hold for opening and joining alike, under a lock on (shopper, campaign). */
export async function checkShopperMayTakePart(
  database: DatabaseHandle,
  tx: Executor,
  input: { userId: string; campaign: Campaign; groupId: string | null },
) {
  if (input.groupId) {
    const [own] = await tx.select({ id: groups.id }).from(groups).where(and(eq(groups.id, input.groupId), eq(groups.leaderId, input.userId)));
    if (own) throw new AppError(409, 'GROUP_OWN', '不能参加自己开的团');
  }
  await database.rows(tx, sql`select pg_advisory_xact_lock(hashtext(${input.userId}), hashtext(${input.campaign.id}))`);
  const [held] = await database.rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from group_seats s join groups g on g.id = s.group_id
        where g.campaign_id = ${input.campaign.id} and s.user_id = ${input.userId} and s.status in ('reserved', 'paid')`,
  );
  if ((held?.n ?? 0) >= input.campaign.perUserLimit) throw new AppError(409, 'GROUP_LIMIT_REACHED', `每人限参与 ${input.campaign.perUserLimit} 次`);
  if (input.groupId && input.campaign.newUsersOnly) {
    const [paid] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.userId, input.userId), sql`${orders.paidAt} is not null`)).limit(1);
    if (paid) throw new AppError(409, 'GROUP_NEW_USERS_ONLY', '该拼团仅限新用户参与');
  }
}

/** The leader's order opens a group, which waits for the leader's payment before anyone can join. */
export async function openGroup(tx: Executor, input: { campaign: Campaign; userId: string; orderId: string }): Promise<string> {
  const [group] = await tx
    .insert(groups)
    .values({ campaignId: input.campaign.id, leaderId: input.userId, status: 'pending', size: input.campaign.groupSize, seatsTaken: 1 })
    .returning({ id: groups.id });
  await tx.insert(groupSeats).values({ groupId: group!.id, userId: input.userId, orderId: input.orderId, isLeader: true, status: 'reserved' });
  return group!.id;
}

/** A joiner's pending order reserves a seat; the order's payment window is how long it is held. */
export async function joinGroup(tx: Executor, input: { groupId: string; campaignId: string; userId: string; orderId: string; now: Date }): Promise<void> {
  const taken = await tx
    .update(groups)
    .set({ seatsTaken: sql`${groups.seatsTaken} + 1` })
    .where(
      and(
        eq(groups.id, input.groupId),
        eq(groups.campaignId, input.campaignId),
        eq(groups.status, 'open'),
        sql`${groups.seatsTaken} < ${groups.size}`,
        sql`${groups.expiresAt} > ${input.now.toISOString()}`,
        sql`${groups.leaderId} <> ${input.userId}`,
      ),
    )
    .returning({ id: groups.id });
  if (taken.length === 0) throw await whyNotJoinable(tx, input);
  try {
    await tx.insert(groupSeats).values({ groupId: input.groupId, userId: input.userId, orderId: input.orderId, status: 'reserved' });
  } catch (err) {
    if ((err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505') {
      throw new AppError(409, 'GROUP_ALREADY_JOINED', '你已经在这个团里了');
    }
    throw err;
  }
}

async function whyNotJoinable(tx: Executor, input: { groupId: string; campaignId: string; userId: string; now: Date }): Promise<AppError> {
  const [group] = await tx.select().from(groups).where(and(eq(groups.id, input.groupId), eq(groups.campaignId, input.campaignId)));
  if (!group) return new AppError(404, 'NOT_FOUND', '这个团不存在');
  if (group.leaderId === input.userId) return new AppError(409, 'GROUP_OWN', '不能参加自己开的团');
  if (group.status === 'open' && group.seatsTaken >= group.size) {
    return new AppError(409, 'GROUP_FULL', '这个团已经满员了，可以自己开一个新团');
  }
  return new AppError(409, 'GROUP_CLOSED', '这个团已结束，可以自己开一个新团');
}

/**
 * Lock order for everything that touches a group and its members' orders: the group row first, then
 * orders. The expiry job locks the group and then fails member orders; a payment locks the group of
 * its order before moving the order — in the other order the two could deadlock.
 */
export async function lockGroupOfOrder(
  database: DatabaseHandle,
  tx: Executor,
  orderId: string,
  options: { skipLocked?: boolean } = {},
): Promise<'no_group' | 'locked' | 'busy'> {
  const [seat] = await tx.select({ groupId: groupSeats.groupId }).from(groupSeats).where(eq(groupSeats.orderId, orderId));
  if (!seat) return 'no_group';
  const locked = await database.rows(
    tx,
    options.skipLocked
      ? sql`select id from groups where id = ${seat.groupId} for update skip locked`
      : sql`select id from groups where id = ${seat.groupId} for update`,
  );
  return locked.length > 0 ? 'locked' : 'busy';
}

export type SeatPayment =
  | { kind: 'not_group' }
  | { kind: 'waiting' }
  | { kind: 'succeeded'; orderIds: string[] }
  | { kind: 'group_closed' };

/**
 * A seat's order was paid. The leader's payment opens the group for `timeLimitMinutes`; a member's
 * payment counts towards the size, and the payment that fills it succeeds the group (once). A payment
 * for a group that already failed or was abandoned is refunded by the caller.
 */
export async function seatPaid(database: DatabaseHandle, tx: Executor, input: { orderId: string; now: Date }): Promise<SeatPayment> {
  const [seat] = await tx
    .update(groupSeats)
    .set({ status: 'paid' })
    .where(and(eq(groupSeats.orderId, input.orderId), eq(groupSeats.status, 'reserved')))
    .returning();
  if (!seat) {
    const [other] = await tx.select({ id: groupSeats.id }).from(groupSeats).where(eq(groupSeats.orderId, input.orderId));
    return other ? { kind: 'group_closed' } : { kind: 'not_group' };
  }
  if (seat.isLeader) {
    const [opened] = await database.rows<{ id: string }>(
      tx,
      sql`update groups g set status = 'open', opened_at = ${input.now.toISOString()}, seats_paid = g.seats_paid + 1,
            expires_at = ${input.now.toISOString()}::timestamptz + c.time_limit_minutes * interval '1 minute'
          from group_campaigns c
          where g.id = ${seat.groupId} and g.status = 'pending' and c.id = g.campaign_id
          returning g.id`,
    );
    if (!opened) return markRefunded(tx, seat.id);
    await recordEvent(tx, { name: 'group_opened', at: input.now, groupId: seat.groupId, userId: seat.userId, orderId: input.orderId });
    return { kind: 'waiting' };
  }
  const [counted] = await tx
    .update(groups)
    .set({ seatsPaid: sql`${groups.seatsPaid} + 1` })
    .where(and(eq(groups.id, seat.groupId), eq(groups.status, 'open')))
    .returning({ seatsPaid: groups.seatsPaid, size: groups.size });
  if (!counted) return markRefunded(tx, seat.id);
  if (counted.seatsPaid < counted.size) return { kind: 'waiting' };
  await tx.update(groups).set({ status: 'succeeded', closedAt: input.now }).where(and(eq(groups.id, seat.groupId), eq(groups.status, 'open')));
  await recordEvent(tx, { name: 'group_succeeded', at: input.now, groupId: seat.groupId });
  const members = await tx
    .select({ orderId: groupSeats.orderId })
    .from(groupSeats)
    .where(and(eq(groupSeats.groupId, seat.groupId), eq(groupSeats.status, 'paid')));
  return { kind: 'succeeded', orderIds: members.map((m) => m.orderId) };
}

async function markRefunded(tx: Executor, seatId: string): Promise<SeatPayment> {
  await tx.update(groupSeats).set({ status: 'refunded' }).where(eq(groupSeats.id, seatId));
  return { kind: 'group_closed' };
}

/** An unpaid order let go of its seat (cancelled or expired). A leader's unpaid group is abandoned. */
export async function releaseSeat(tx: Executor, input: { orderId: string; now: Date }): Promise<void> {
  const [seat] = await tx
    .update(groupSeats)
    .set({ status: 'released' })
    .where(and(eq(groupSeats.orderId, input.orderId), eq(groupSeats.status, 'reserved')))
    .returning();
  if (!seat) return;
  await tx
    .update(groups)
    .set({
      seatsTaken: sql`${groups.seatsTaken} - 1`,
      ...(seat.isLeader ? { status: sql`case when ${groups.status} = 'pending' then 'abandoned' else ${groups.status} end`, closedAt: input.now } : {}),
    })
    .where(eq(groups.id, seat.groupId));
}

