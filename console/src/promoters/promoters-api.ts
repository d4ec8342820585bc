import type { ConsoleProductPage } from '@linli/shared/schemas/catalog-console';
import type {
  CommissionRateBody,
  ConsoleLedgerPage,
  ConsolePromoter,
  ConsolePromoterPage,
  ProductCommissionRate,
  ProductRatePage,
  PromoterStatus,
  ReferralSettings,
  ReferralWindows,
} from '@linli/shared/schemas/promoters';
import { staffSession } from '../api/console-api';
import type { PromoterDecision } from './promoter-view';

const pageQuery = (cursor: string | null, extra: Record<string, string> = {}) => (cursor === null ? extra : { ...extra, cursor });
const productPath = (productId: string) => `/api/console/products/${encodeURIComponent(productId)}/commission-rate`;

/** The console's referral routes (bff/src/modules/commissions/console-routes.ts) and the product list to pick from. */
export const promotersApi = {
  settings: () => staffSession.request<ReferralSettings>({ path: '/api/console/referral-settings' }),
  saveSettings: (body: ReferralSettings) => staffSession.request<ReferralSettings>({ path: '/api/console/referral-settings', method: 'PUT', body }),
  windows: () => staffSession.request<ReferralWindows>({ path: '/api/console/referral-settings/windows' }),

  productRates: (cursor: string | null) => staffSession.request<ProductRatePage>({ path: '/api/console/product-commission-rates', query: pageQuery(cursor) }),
  productRate: (productId: string) => staffSession.request<ProductCommissionRate>({ path: productPath(productId) }),
  setProductRate: (productId: string, body: CommissionRateBody) => staffSession.request<ProductCommissionRate>({ path: productPath(productId), method: 'PUT', body }),
  clearProductRate: (productId: string) => staffSession.request<ProductCommissionRate>({ path: productPath(productId), method: 'DELETE' }),
  /** Products whose title matches, for picking one to give its own rate (GET /api/console/products). */
  searchProducts: (keyword: string) =>
    staffSession.request<ConsoleProductPage>({ path: '/api/console/products', query: keyword === '' ? { limit: '20' } : { q: keyword, limit: '20' } }),

  promoters: (status: PromoterStatus | null, cursor: string | null) =>
    staffSession.request<ConsolePromoterPage>({ path: '/api/console/promoters', query: pageQuery(cursor, status === null ? {} : { status }) }),
  decide: (userId: string, decision: PromoterDecision, note: string) =>
    staffSession.request<ConsolePromoter>({ path: `/api/console/promoters/${encodeURIComponent(userId)}/${decision}`, method: 'POST', body: { note } }),
  ledger: (userId: string, cursor: string | null) =>
    staffSession.request<ConsoleLedgerPage>({ path: `/api/console/promoters/${encodeURIComponent(userId)}/ledger`, query: pageQuery(cursor) }),
};
