import { randomUUID } from 'node:crypto';
import type { Me, ShopperSession } from '@linli/shared/schemas/auth';
import type { ProductDetail, ProductPage } from '@linli/shared/schemas/catalog';
import type { CouponCentre, MyCoupon } from '@linli/shared/schemas/coupons';
import type { ProductGroupBuys } from '@linli/shared/schemas/group-buys';
import type { AfterSale, AfterSaleBody, CreateOrderBody, OrderDetail } from '@linli/shared/schemas/order';
import type { PromoterApplication, PromoterMe } from '@linli/shared/schemas/promoters';
import type { CreatedShare, CreateShareBody, MyReferral, ShareOpened } from '@linli/shared/schemas/referrals';
import type { Withdrawal } from '@linli/shared/schemas/withdrawals';

/**
 * What a journey asks the BFF directly, outside any phone: setting the scene (a sharer and their
 * link) and the public facts an assertion is computed from. Shoppers' own steps go through the pages.
 */
export function shopApi(origin: string) {
  async function call<T>(method: 'GET' | 'POST', url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const res = await fetch(`${origin}${url}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** A shopper signed in through the dev login (the e2e BFF runs with DEV_LOGIN=true). */
  const devSession = (name: string) => call<ShopperSession>('POST', '/api/auth/dev-login', { body: { name } });

  return {
    devSession,
    async devLogin(name: string): Promise<string> {
      return (await devSession(name)).accessToken;
    },
    me: (token: string) => call<Me>('GET', '/api/me', { token }),
    /** The promoter centre's referral card: the invite code, made on first need. */
    myReferral: (token: string) => call<MyReferral>('GET', '/api/referrals/me', { token }),
    mintShare: (token: string, body: CreateShareBody) => call<CreatedShare>('POST', '/api/shares', { token, body }),
    products: (limit: number) => call<ProductPage>('GET', `/api/products?limit=${limit}`),
    product: (id: string) => call<ProductDetail>('GET', `/api/products/${id}`),
    groupBuys: (productId: string) => call<ProductGroupBuys>('GET', `/api/products/${productId}/group-buys`),
    couponCentre: (token: string) => call<CouponCentre>('GET', '/api/coupons/centre', { token }),
    claimCoupon: (token: string, templateId: string) => call<MyCoupon>('POST', `/api/coupons/centre/${templateId}/claim`, { token }),
    /** Opening a share while signed in binds a new shopper to the sharer (first touch wins). */
    openShare: (token: string, shareId: string) => call<ShareOpened>('POST', `/api/shares/${shareId}/open`, { token }),
    placeOrder: (token: string, body: CreateOrderBody) => call<OrderDetail>('POST', '/api/orders', { token, body, headers: { 'idempotency-key': randomUUID() } }),
    /** Pays in the sandbox: prepay, then the sandbox's signed notify, as the pay page does. */
    async payInSandbox(token: string, orderId: string): Promise<OrderDetail> {
      await call<unknown>('POST', `/api/orders/${orderId}/pay`, { token });
      return call<OrderDetail>('POST', `/api/payments/sandbox/orders/${orderId}/confirm`, { token });
    },
    order: (token: string, orderId: string) => call<OrderDetail>('GET', `/api/orders/${orderId}`, { token }),
    requestAfterSale: (token: string, orderId: string, body: AfterSaleBody) => call<AfterSale>('POST', `/api/orders/${orderId}/after-sales`, { token, body }),
    confirmReceipt: (token: string, orderId: string) => call<OrderDetail>('POST', `/api/orders/${orderId}/confirm-receipt`, { token }),
    promoterMe: (token: string) => call<PromoterMe>('GET', '/api/promoter/me', { token }),
    applyAsPromoter: (token: string) => call<PromoterApplication>('POST', '/api/promoter/apply', { token }),
    requestWithdrawal: (token: string, amount: number) => call<Withdrawal>('POST', '/api/withdrawals', { token, body: { amount } }),
    withdrawal: (token: string, id: string) => call<Withdrawal>('GET', `/api/withdrawals/${id}`, { token }),
    /** The promoter accepts the transfer in WeChat (wx.requestMerchantTransfer), as the sandbox stands in for it. */
    acceptTransferInSandbox: (token: string, id: string) => call<Withdrawal>('POST', `/api/payments/sandbox/withdrawals/${id}/confirm`, { token }),
  };
}

export type ShopApi = ReturnType<typeof shopApi>;
