import { useEffect, useState } from 'react';
import type { CreateShareBody } from '@linli/shared/schemas/referrals';
import { createShare } from '../api/shares';

/**
 * A share id minted by the BFF for what this page shows, so a share card's visits and orders are
 * attributed to this shopper without putting a user id in the link. Null until minted (or if it fails).
 */
export function useShareId(kind: CreateShareBody['kind'], targetId: string | null): string | null {
  const [shareId, setShareId] = useState<string | null>(null);
  useEffect(() => {
    if (targetId === null) return;
    let current = true;
    createShare({ kind, targetId, channel: 'chat' })
      .then((created) => current && setShareId(created.shareId))
      .catch(() => current && setShareId(null));
    return () => {
      current = false;
    };
  }, [kind, targetId]);
  return shareId;
}
