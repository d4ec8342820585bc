import { useDidShow, useLoad } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { TimelineOpenBody } from '@linli/shared/schemas/referrals';
import { track } from '../analytics/track';
import { session } from '../api/client';
import { getMyReferral } from '../api/promoter';
import { openTimelineShare } from '../api/shares';
import { timelineArrival, timelineQuery } from '../sharing/timeline';

type Kind = TimelineOpenBody['kind'];

async function arriveFromTimeline(body: TimelineOpenBody): Promise<string | undefined> {
  // Signed in, the open binds the visitor to the sharer; in 单页模式 login fails and the open is anonymous.
  await session.ensureSignedIn().catch(() => null);
  const opened = await openTimelineShare(body).catch(() => null);
  if (opened === null) return undefined;
  track({ name: 'share_open', shareId: opened.shareId });
  return opened.shareId;
}

/**
 * Sharing a product or group page to the timeline (朋友圈): `query` is what a post opens this page
 * with, and `arrivedVia` the share id this visit came through (`s`, or the sharer's timeline share
 * once a post's open is recorded), for attribution at checkout.
 */
export function useTimelineShare(kind: Kind, targetId: string, params: Readonly<Record<string, string | undefined>>): { query: string; arrivedVia: string | undefined } {
  const [inviteCode, setInviteCode] = useState<string | null>(null);
  const [timelineShareId, setTimelineShareId] = useState<string | undefined>(undefined);
  const askedForCode = useRef(false);

  // Only a shopper already signed in has a code to put in the post: sharing never asks for a login.
  useDidShow(() => {
    if (askedForCode.current || session.currentUser() === null) return;
    askedForCode.current = true;
    getMyReferral()
      .then((referral) => setInviteCode(referral.inviteCode))
      .catch(() => {
        askedForCode.current = false;
      });
  });

  useLoad(() => {
    const code = timelineArrival(params);
    if (code !== null) void arriveFromTimeline({ inviteCode: code, kind, targetId }).then(setTimelineShareId);
  });

  return { query: timelineQuery(targetId, inviteCode), arrivedVia: params.s ?? timelineShareId };
}
