import { toQueryString } from './api/query-string';
import type { OrderStatus } from '@linli/shared/schemas/order';
import type { ShareKind } from '@linli/shared/schemas/referrals';

/** Every page path in one place; share cards, redirects and buttons build their URLs here. */
export const pages = {
  home: '/pages/index/index',
  cart: '/pages/cart/index',
  me: '/pages/me/index',
  landing: '/pages/landing/index',
  product: '/packages/product/detail/index',
  group: '/packages/group/detail/index',
  checkout: '/packages/order/checkout/index',
  pay: '/packages/order/pay/index',
  orders: '/packages/order/list/index',
  order: '/packages/order/detail/index',
  afterSale: '/packages/order/after-sale/index',
  category: '/packages/catalog/category/index',
  search: '/packages/catalog/search/index',
  couponCentre: '/packages/coupon/centre/index',
  myCoupons: '/packages/coupon/mine/index',
  promoter: '/packages/promoter/centre/index',
  invitees: '/packages/promoter/invitees/index',
  earnings: '/packages/promoter/earnings/index',
  withdraw: '/packages/promoter/withdraw/index',
  poster: '/packages/promoter/poster/index',
} as const;

export const tabPages: readonly string[] = [pages.home, pages.cart, pages.me];

/** `joinGroupId`: the product page offers to join that group (arriving from a group page). */
export function productPage(productId: string, options: { shareId?: string; joinGroupId?: string } = {}): string {
  return `${pages.product}${toQueryString({ id: productId, s: options.shareId, join: options.joinGroupId })}`;
}

export function groupPage(groupId: string, shareId?: string): string {
  return `${pages.group}${toQueryString({ id: groupId, s: shareId })}`;
}

/** How the shopper buys: alone, opening a group on a campaign, or joining an open group. */
export type CheckoutMode = 'single' | 'open-group' | 'join-group';

export interface CheckoutSelection {
  mode: CheckoutMode;
  skuId: string;
  quantity: number;
  campaignId?: string;
  groupId?: string;
  /** the share id the shopper arrived through, so the order is attributed to the sharer */
  shareId?: string;
}

/** Settling the cart: its buyable lines, taken out of the cart once the order exists. */
export interface CartCheckoutSelection {
  mode: 'cart';
  lines: ReadonlyArray<{ skuId: string; quantity: number }>;
}

/** Cart lines travel as `lines=skuId*quantity,skuId*quantity` (ids never contain `*` or `,`). */
export function checkoutPage(selection: CheckoutSelection | CartCheckoutSelection): string {
  if (selection.mode === 'cart') {
    return `${pages.checkout}${toQueryString({ mode: 'cart', lines: selection.lines.map((l) => `${l.skuId}*${l.quantity}`).join(',') })}`;
  }
  return `${pages.checkout}${toQueryString({ ...selection })}`;
}

export function payPage(orderId: string): string {
  return `${pages.pay}${toQueryString({ id: orderId })}`;
}

export function orderPage(orderId: string): string {
  return `${pages.order}${toQueryString({ id: orderId })}`;
}

/** Without a status: every order. */
export function ordersPage(status?: OrderStatus): string {
  return `${pages.orders}${toQueryString({ status })}`;
}

export function afterSalePage(orderId: string): string {
  return `${pages.afterSale}${toQueryString({ id: orderId })}`;
}

export function categoryPage(categoryId: string, name: string): string {
  return `${pages.category}${toQueryString({ id: categoryId, name })}`;
}

export function searchPage(keyword?: string): string {
  return `${pages.search}${toQueryString({ q: keyword })}`;
}

/** The poster for what a share shows (a product, a group or an invitation). */
export function posterPage(kind: ShareKind, targetId: string): string {
  return `${pages.poster}${toQueryString({ kind, id: targetId })}`;
}
