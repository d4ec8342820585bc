import type {
  CouponTemplate,
  CouponTemplatePage,
  CouponTemplateUsage,
  CreateCouponTemplateBody,
  PushResult,
  UpdateCouponTemplateBody,
} from '@linli/shared/schemas/coupons';
import { staffSession } from '../api/console-api';

const templatePath = (id: string) => `/api/console/coupon-templates/${encodeURIComponent(id)}`;

/** The console's coupon routes (bff/src/modules/coupons/console-routes.ts), typed from @linli/shared/schemas/coupons. */
export const couponsApi = {
  list: (cursor: string | null) =>
    staffSession.request<CouponTemplatePage>({ path: '/api/console/coupon-templates', query: cursor === null ? { limit: '20' } : { limit: '20', cursor } }),
  usage: (id: string) => staffSession.request<CouponTemplateUsage>({ path: `${templatePath(id)}/usage` }),
  create: (body: CreateCouponTemplateBody) => staffSession.request<CouponTemplate>({ path: '/api/console/coupon-templates', method: 'POST', body }),
  update: (id: string, body: UpdateCouponTemplateBody) => staffSession.request<CouponTemplate>({ path: templatePath(id), method: 'PATCH', body }),
  push: (id: string, userIds: string[]) => staffSession.request<PushResult>({ path: `${templatePath(id)}/push`, method: 'POST', body: { userIds } }),
};
