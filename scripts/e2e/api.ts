import type { ProductDetail, ProductPage } from '@linli/shared/schemas/catalog';
import type { ShopperSession } from '@linli/shared/schemas/auth';
import type { CouponCentre, MyCoupon } from '@linli/shared/schemas/coupons';
import type { ProductGroupBuys } from '@linli/shared/schemas/group-buys';
import type { CreateOrderBody, OrderDetail } from '@linli/shared/schemas/order';
import type { CreatedShare, CreateShareBody } from '@linli/shared/schemas/referrals';

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
    mintShare: (token: string, body: CreateShareBody) => call<CreatedShare>('POST', '/api/shares', { token, body }),
    products: (limit: number) => call<ProductPage>('GET', `/api/products?limit=${limit}`),
    product: (id: string) => call<ProductDetail>('GET', `/api/products/${id}`),
    groupBuys: (productId: string) => call<ProductGroupBuys>('GET', `/api/products/${productId}/group-buys`),
    couponCentre: (token: string) => call<CouponCentre>('GET', '/api/coupons/centre', { token }),
    claimCoupon: (token: string, templateId: string) => call<MyCoupon>('POST', `/api/coupons/centre/${templateId}/claim`, { token }),
    /** A shopper's order straight through the API, for a scene that is not the journey's subject. */
    placeOrder: (token: string, body: CreateOrderBody) =>
      call<OrderDetail>('POST', '/api/orders', { token, body, headers: { 'idempotency-key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}` } }),
    /** Prepays and has the sandbox confirm the payment, as the pay page's button does. */
    async payInSandbox(token: string, orderId: string): Promise<OrderDetail> {
      await call<unknown>('POST', `/api/orders/${orderId}/pay`, { token });
      return call<OrderDetail>('POST', `/api/payments/sandbox/orders/${orderId}/confirm`, { token });
    },
  };
}

export type ShopApi = ReturnType<typeof shopApi>;
