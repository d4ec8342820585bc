import type { CreateShareBody, CreatedShare, ShareOpened } from '@linli/shared/schemas/referrals';
import { request } from './client';

/** Mints a share id for a share card; the shopper must be signed in. */
export function createShare(body: CreateShareBody): Promise<CreatedShare> {
  return request<CreatedShare>({ path: '/api/shares', method: 'POST', body, auth: 'required' });
}

/** Records the visit (binding the visitor to the sharer when signed in) and says what was shared. */
export function openShare(shareId: string): Promise<ShareOpened> {
  return request<ShareOpened>({ path: `/api/shares/${encodeURIComponent(shareId)}/open`, method: 'POST', auth: 'optional' });
}
