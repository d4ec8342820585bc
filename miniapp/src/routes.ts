import { toQueryString } from './api/query-string';

/** Every page path in one place; share cards, redirects and buttons build their URLs here. */
export const pages = {
  home: '/pages/index/index',
  cart: '/pages/cart/index',
  me: '/pages/me/index',
  landing: '/pages/landing/index',
  product: '/packages/product/detail/index',
  group: '/packages/group/detail/index',
  checkout: '/packages/order/checkout/index',
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

export function checkoutPage(selection: CheckoutSelection): string {
  return `${pages.checkout}${toQueryString({ ...selection })}`;
}
