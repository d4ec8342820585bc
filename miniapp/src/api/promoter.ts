import type { CommissionEntry, CommissionStatus, PromoterApplication, PromoterMe } from '@linli/shared/schemas/promoters';
import type { Invitee, MyReferral, SharePoster } from '@linli/shared/schemas/referrals';
import type { Page } from '../paging/paged-list';
import { request } from './client';

/** Open to every shopper: whether I am a promoter, my balances and the shop's minimum withdrawal. */
export function getPromoterMe(): Promise<PromoterMe> {
  return request<PromoterMe>({ path: '/api/promoter/me', auth: 'required' });
}

/** Only meaningful when the shop approves its promoters; applying again while waiting is harmless. */
export function applyAsPromoter(): Promise<PromoterApplication> {
  return request<PromoterApplication>({ path: '/api/promoter/apply', method: 'POST', auth: 'required' });
}

export function listCommissions(status: CommissionStatus, cursor: string | null): Promise<Page<CommissionEntry>> {
  return request<Page<CommissionEntry>>({ path: '/api/promoter/commissions', query: { status, cursor, limit: 20 }, auth: 'required' });
}

export function getMyReferral(): Promise<MyReferral> {
  return request<MyReferral>({ path: '/api/referrals/me', auth: 'required' });
}

export function listInvitees(cursor: string | null): Promise<Page<Invitee>> {
  return request<Page<Invitee>>({ path: '/api/referrals/invitees', query: { cursor, limit: 20 }, auth: 'required' });
}

/** What the poster canvas draws for one of my own shares. */
export function getSharePoster(shareId: string): Promise<SharePoster> {
  return request<SharePoster>({ path: `/api/shares/${encodeURIComponent(shareId)}/poster`, auth: 'required' });
}
