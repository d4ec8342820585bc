import { and, asc, desc, eq } from 'drizzle-orm';
import type { GroupDetail } from '@linli/shared/schemas/group-buys';
import type { Database } from '../../db/client';
import { notFound } from '../../plugins/errors';
import { users } from '../users/tables';
import { maskNickname } from './mask-nickname';
import { groupCampaigns, groupSeats, groups } from './tables';

/**
 * A group as a share card's visitor sees it. Only paid seats are members, names masked, no user ids.
 * A group whose leader never paid (pending, abandoned) was never shown to anyone, so it is not found.
 */
export async function groupDetail(db: Database, groupId: string): Promise<GroupDetail> {
  const [row] = await db
    .select({ group: groups, campaignTitle: groupCampaigns.title, productId: groupCampaigns.productId })
    .from(groups)
    .innerJoin(groupCampaigns, eq(groupCampaigns.id, groups.campaignId))
    .where(eq(groups.id, groupId));
  if (!row || row.group.status === 'pending' || row.group.status === 'abandoned') throw notFound('拼团');
  const g = row.group;
  const members = await db
    .select({ nickname: users.nickname, avatarUrl: users.avatarUrl, isLeader: groupSeats.isLeader })
    .from(groupSeats)
    .innerJoin(users, eq(users.id, groupSeats.userId))
    .where(and(eq(groupSeats.groupId, groupId), eq(groupSeats.status, 'paid')))
    .orderBy(desc(groupSeats.isLeader), asc(groupSeats.createdAt), asc(groupSeats.id));
  return {
    id: g.id,
    campaignId: g.campaignId,
    campaignTitle: row.campaignTitle,
    productId: row.productId,
    status: g.status,
    size: g.size,
    paidCount: g.seatsPaid,
    missing: g.size - g.seatsPaid,
    expiresAt: g.expiresAt?.toISOString() ?? null,
    members: members.map((m) => ({ nickname: maskNickname(m.nickname), avatarUrl: m.avatarUrl, isLeader: m.isLeader })),
  };
}
