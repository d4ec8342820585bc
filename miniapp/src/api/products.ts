import type { ProductPage } from '@linli/shared/schemas/catalog';
import { request } from './client';

export const PRODUCT_PAGE_SIZE = 20;

/** One page of on-shelf products; pass the previous page's nextCursor to continue. */
export function listProducts(cursor: string | null): Promise<ProductPage> {
  return request<ProductPage>('/api/products', {
    query: { limit: PRODUCT_PAGE_SIZE, cursor },
  });
}
