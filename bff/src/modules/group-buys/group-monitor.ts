import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { GroupStatus, MonitoredGroup } from '@linli/shared/schemas/group-buys';
import type { Database } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { notFound } from '../../plugins/errors';
import { users } from '../users/tables';
import { groupCampaigns, groupSeats, groups } from './tables';

/**
 * The console's live view of a campaign's groups, newest first: every live or settled seat with the
 * member's nickname (staff see it unmasked), and how long an open group has left.
 */
export async function campaignGroups(
  db: Database,
  query: { campaignId: string; status?: GroupStatus; cursor?: string; limit: number; now: Date },
): Promise<{ items: MonitoredGroup[]; nextCursor: string | null }> {
  const [campaign] = await db.select({ id: groupCampaigns.id }).from(groupCampaigns).where(eq(groupCampaigns.id, query.campaignId));
  if (!campaign) throw notFound('拼团活动');
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({ group: groups, createdMicros: createdMicrosOf(groups.createdAt) })
    .from(groups)
    .where(
      and(
        eq(groups.campaignId, query.campaignId),
        query.status ? eq(groups.status, query.status) : undefined,
        after ? afterCursor(groups.createdAt, groups.id, after) : undefined,
      ),
    )
    .orderBy(desc(groups.createdAt), desc(groups.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ({ createdMicros: last.createdMicros, id: last.group.id }));
  const seats = page.length
    ? await db
        .select({ groupId: groupSeats.groupId, nickname: users.nickname, isLeader: groupSeats.isLeader, seat: groupSeats.status })
        .from(groupSeats)
        .innerJoin(users, eq(users.id, groupSeats.userId))
        .where(inArray(groupSeats.groupId, page.map((r) => r.group.id)))
        .orderBy(desc(groupSeats.isLeader), asc(groupSeats.createdAt))
    : [];
  return {
    items: page.map(({ group: g }) => ({
      id: g.id,
      status: g.status,
      size: g.size,
      seatsTaken: g.seatsTaken,
      seatsPaid: g.seatsPaid,
      openedAt: g.openedAt?.toISOString() ?? null,
      expiresAt: g.expiresAt?.toISOString() ?? null,
      secondsLeft: g.status === 'open' && g.expiresAt ? Math.max(0, Math.floor((g.expiresAt.getTime() - query.now.getTime()) / 1000)) : null,
      createdAt: g.createdAt.toISOString(),
      members: seats.filter((s) => s.groupId === g.id).map((s) => ({ nickname: s.nickname, isLeader: s.isLeader, seat: s.seat })),
    })),
    nextCursor,
  };
}
