import { and, eq, notInArray } from 'drizzle-orm';
import type { CreateShareBody, CreatedShare, ShareKind, ShareOpened } from '@linli/shared/schemas/referrals';
import { shareLandingPage, shareQueryKey } from '@linli/shared/share-landing';
import type { App } from '../../app';
import { AppError, notFound } from '../../plugins/errors';
import { products } from '../catalog/tables';
import { maskNickname } from '../group-buys/mask-nickname';
import { groups } from '../group-buys/tables';
import { users } from '../users/tables';
import { bindViewerToSharer } from './inviter-binding';
import { newShareId } from './share-ids';
import { recordEvent } from '../analytics/record-event';
import { shareOpens, shares } from './tables';

/** Mints a share of something the sharer may point others at; the id is what the share path carries. */
export async function createShare(app: App, sharerId: string, body: CreateShareBody): Promise<CreatedShare> {
  const targetId = body.targetId ?? null;
  if ((body.kind === 'invite') !== (targetId === null)) {
    throw new AppError(400, 'SHARE_TARGET_INVALID', body.kind === 'invite' ? '邀请分享不需要 targetId' : '请指定要分享的商品或拼团');
  }
  if (targetId !== null) await requireTarget(app, body.kind, targetId);
  const shareId = newShareId();
  await app.db.transaction(async (tx) => {
    await tx.insert(shares).values({ id: shareId, sharerId, kind: body.kind, targetId, channel: body.channel });
    await recordEvent(tx, { name: 'share_created', at: app.clock(), userId: sharerId, shareId, ...shareTarget(body.kind, targetId), props: { kind: body.kind, channel: body.channel } });
  });
  return { shareId, path: landingPath(shareId), scene: shareId };
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
