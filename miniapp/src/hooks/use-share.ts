import { useRef } from 'react';
import type { CreateShareBody, ShareChannel } from '@linli/shared/schemas/referrals';
import { track } from '../analytics/track';
import { createShare } from '../api/shares';

/**
 * Mints a share id for what this page shows, at the moment the shopper shares: minting records a
 * share, so doing it on page view would count shares nobody made. One id per channel per page.
 * Resolves with null when it could not be minted (the share then goes out without attribution).
 * An invitation points at no target: its `targetId` is ignored.
 */
export function useShare(kind: CreateShareBody['kind'], targetId: string | null): (channel: ShareChannel) => Promise<string | null> {
  const minted = useRef(new Map<string, Promise<string | null>>());
  return (channel) => {
    const body: CreateShareBody | null = kind === 'invite' ? { kind, channel } : targetId === null ? null : { kind, targetId, channel };
    if (body === null) return Promise.resolve(null);
    const key = `${body.targetId ?? kind}:${channel}`;
    let shareId = minted.current.get(key);
    if (shareId === undefined) {
      shareId = createShare(body)
        .then((created) => {
          track({ name: 'share', shareId: created.shareId });
          return created.shareId;
        })
        .catch(() => null);
      minted.current.set(key, shareId);
    }
    return shareId;
  };
}
