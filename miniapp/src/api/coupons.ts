import type { CouponCentre, MyCoupon, MyCouponPage, UserCouponStatus } from '@linli/shared/schemas/coupons';
import { request } from './client';

export const MY_COUPON_PAGE_SIZE = 20;

export function getCouponCentre(): Promise<CouponCentre> {
  return request<CouponCentre>({ path: '/api/coupons/centre', auth: 'required' });
}

/** Rejects with 409 COUPON_OUT_OF_STOCK, COUPON_LIMIT_REACHED or COUPON_NOT_AVAILABLE when refused. */
export function claimCoupon(templateId: string): Promise<MyCoupon> {
  // An empty object, not no body: wx.request labels every POST as JSON, and the BFF refuses empty JSON.
  return request<MyCoupon>({ path: `/api/coupons/centre/${encodeURIComponent(templateId)}/claim`, method: 'POST', body: {}, auth: 'required' });
}

/** One page of the shopper's coupons in one status, newest first. */
export function listMyCoupons(status: UserCouponStatus, cursor: string | null): Promise<MyCouponPage> {
  return request<MyCouponPage>({ path: '/api/coupons/mine', query: { status, cursor, limit: MY_COUPON_PAGE_SIZE }, auth: 'required' });
}
