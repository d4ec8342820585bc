import type { CreateShareBody, CreatedShare, ShareOpened, TimelineOpenBody, TimelineShareOpened } from '@linli/shared/schemas/referrals';
import { request } from './client';

/** Mints a share id for a share card; the shopper must be signed in. */
export function createShare(body: CreateShareBody): Promise<CreatedShare> {
  return request<CreatedShare>({ path: '/api/shares', method: 'POST', body, auth: 'required' });
}

/** Records the visit (binding the visitor to the sharer when signed in) and says what was shared. */
export function openShare(shareId: string): Promise<ShareOpened> {
  return request<ShareOpened>({ path: `/api/shares/${encodeURIComponent(shareId)}/open`, method: 'POST', auth: 'optional' });
}

/**
 * Records the visit of a timeline post, minting the sharer's timeline share on its first open, and
 * answers that share's id for attribution. Without a session (单页模式) the open is anonymous.
 */
export function openTimelineShare(body: TimelineOpenBody): Promise<TimelineShareOpened> {
  return request<TimelineShareOpened>({ path: '/api/shares/timeline-open', method: 'POST', body, auth: 'optional' });
}
