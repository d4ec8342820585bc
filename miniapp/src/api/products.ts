import type { ProductDetail, ProductPage } from '@linli/shared/schemas/catalog';
import type { ProductGroupBuys } from '@linli/shared/schemas/group-buys';
import { request } from './client';

export const PRODUCT_PAGE_SIZE = 20;

/** Narrows the shelf: one category, or a keyword (matched in titles and subtitles). */
export interface ProductFilter {
  categoryId?: string;
  q?: string;
}

/** One page of on-shelf products; pass the previous page's nextCursor to continue. */
export function listProducts(cursor: string | null, filter: ProductFilter = {}): Promise<ProductPage> {
  return request<ProductPage>({ path: '/api/products', query: { limit: PRODUCT_PAGE_SIZE, cursor, categoryId: filter.categoryId, q: filter.q } });
}

export function getProduct(id: string): Promise<ProductDetail> {
  return request<ProductDetail>({ path: `/api/products/${encodeURIComponent(id)}` });
}

/** The product's running group-buy campaigns with the open groups closest to success. */
export function listProductGroupBuys(productId: string): Promise<ProductGroupBuys> {
  return request<ProductGroupBuys>({ path: `/api/products/${encodeURIComponent(productId)}/group-buys` });
}
