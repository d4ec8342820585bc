import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { CreateShareBody, CreatedShare, ShareKind, ShareOpened } from '@linli/shared/schemas/referrals';
import { shareLandingPage, shareQueryKey } from '@linli/shared/share-landing';
import type { App } from '../../app';
import type { Executor } from '../../db/client';
import { AppError, notFound } from '../../plugins/errors';
import { products } from '../catalog/tables';
import { maskNickname } from '../group-buys/mask-nickname';
import { groups } from '../group-buys/tables';
import { users } from '../users/tables';
import { bindViewerToSharer } from './inviter-binding';
import { newShareId } from './share-ids';
import { recordEvent } from '../analytics/record-event';
import { shareOpens, shares } from './tables';

/**
 * Mints a share of something the sharer may point others at; the id is what the share path carries.
 * A timeline share of a product or group is minted once: asked again, it answers the same id.
 */
export async function createShare(app: App, sharerId: string, body: CreateShareBody): Promise<CreatedShare> {
  const targetId = body.targetId ?? null;
  if ((body.kind === 'invite') !== (targetId === null)) {
    throw new AppError(400, 'SHARE_TARGET_INVALID', body.kind === 'invite' ? '邀请分享不需要 targetId' : '请指定要分享的商品或拼团');
  }
  if (targetId !== null) await requireTarget(app, body.kind, targetId);
  const shareId = await app.db.transaction(async (tx) => {
    const [minted] = await tx
      .insert(shares)
      .values({ id: newShareId(), sharerId, kind: body.kind, targetId, channel: body.channel })
      .onConflictDoNothing({ target: [shares.sharerId, shares.kind, shares.targetId], where: sql`channel = 'timeline'` })
      .returning({ id: shares.id });
    if (!minted) return existingTimelineShare(tx, sharerId, body.kind, targetId);
    await recordEvent(tx, { name: 'share_created', at: app.clock(), userId: sharerId, shareId: minted.id, ...shareTarget(body.kind, targetId), props: { kind: body.kind, channel: body.channel } });
    return minted.id;
  });
  return { shareId, path: landingPath(shareId), scene: shareId };
}

/**
 * The timeline share that won the unique index. A concurrent first mint waits on the index until the
 * other transaction commits, and this statement's fresh snapshot (read committed) then sees its row.
 */
async function existingTimelineShare(tx: Executor, sharerId: string, kind: ShareKind, targetId: string | null): Promise<string> {
  if (targetId === null) throw new Error('only a share with a target can conflict');
  const [row] = await tx
    .select({ id: shares.id })
    .from(shares)
    .where(and(eq(shares.sharerId, sharerId), eq(shares.kind, kind), eq(shares.targetId, targetId), eq(shares.channel, 'timeline')));
  if (!row) throw new Error('timeline share conflicted but is not there');
  return row.id;
}

async function requireTarget(app: App, kind: ShareKind, targetId: string): Promise<void> {
  if (kind === 'product') {
    const [row] = await app.db.select({ id: products.id }).from(products).where(and(eq(products.id, targetId), eq(products.onShelf, true)));
    if (!row) throw notFound('商品');
    return;
  }
  // A group whose leader never paid was never shown to anyone (see group-detail).
  const [row] = await app.db.select({ id: groups.id }).from(groups).where(and(eq(groups.id, targetId), notInArray(groups.status, ['pending', 'abandoned'])));
  if (!row) throw notFound('拼团');
}

function shareTarget(kind: ShareKind, targetId: string | null): { productId?: string; groupId?: string } {
  if (kind === 'product' && targetId) return { productId: targetId };
  if (kind === 'group' && targetId) return { groupId: targetId };
  return {};
}

/**
 * Every share card, timeline share and code opens the one landing page, which records the open (and
 * binds a new shopper) before going on to the product, the group or home.
 */
function landingPath(shareId: string): string {
  return `${shareLandingPage}?${shareQueryKey}=${encodeURIComponent(shareId)}`;
}

/** Records that someone opened a share and, when a signed-in shopper did, tries to bind them to the sharer. */
export async function openShare(app: App, shareId: string, viewerId: string | null): Promise<ShareOpened> {
  const [share] = await app.db
    .select({ kind: shares.kind, targetId: shares.targetId, sharerId: shares.sharerId, sharerNickname: users.nickname })
    .from(shares)
    .innerJoin(users, eq(users.id, shares.sharerId))
    .where(eq(shares.id, shareId));
  if (!share) throw notFound('分享');
  await app.db.transaction(async (tx) => {
    await tx.insert(shareOpens).values({ shareId, viewerId });
    await recordEvent(tx, { name: 'share_opened', at: app.clock(), userId: viewerId, shareId, ...shareTarget(share.kind, share.targetId) });
  });
  if (viewerId !== null) await bindViewerToSharer(app, viewerId, share.sharerId);
  return { kind: share.kind, targetId: share.targetId, sharerNickname: maskNickname(share.sharerNickname) };
}
