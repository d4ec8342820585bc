import { eq } from 'drizzle-orm';
import type { TimelineOpenBody, TimelineShareOpened } from '@linli/shared/schemas/referrals';
import type { App } from '../../app';
import { notFound } from '../../plugins/errors';
import { createShare, openShare } from './shares';
import { referralProfiles } from './tables';

/**
 * A visitor opened a page the sharer posted to the timeline. WeChat's onShareTimeline is synchronous,
 * so no share id could be minted when the sharer posted; the sharer's one timeline share of the target
 * is minted on the first open instead (never on a mere page view), then opened like any other share.
 */
export async function openTimelineShare(app: App, viewerId: string | null, body: TimelineOpenBody): Promise<TimelineShareOpened> {
  const [sharer] = await app.db.select({ userId: referralProfiles.userId }).from(referralProfiles).where(eq(referralProfiles.inviteCode, body.inviteCode));
  if (!sharer) throw notFound('邀请码');
  const { shareId } = await createShare(app, sharer.userId, { kind: body.kind, targetId: body.targetId, channel: 'timeline' });
  return { shareId, ...(await openShare(app, shareId, viewerId)) };
}
