import type { ConsoleCategoryList, ConsoleProductDetail, ConsoleProductPage } from '@linli/shared/schemas/catalog-console';
import { staffSession } from '../api/console-api';

/** The console's catalog reads that the campaign and coupon forms pick from (bff/src/modules/catalog/console-*-routes.ts). */
export const catalogApi = {
  /** Up to 20 products whose title matches `q` (all of them, newest first, when `q` is blank). */
  searchProducts: (q: string) => {
    const query: Record<string, string> = { limit: '20' };
    if (q.trim() !== '') query.q = q.trim().slice(0, 50);
    return staffSession.request<ConsoleProductPage>({ path: '/api/console/products', query });
  },
  product: (id: string) => staffSession.request<ConsoleProductDetail>({ path: `/api/console/products/${encodeURIComponent(id)}` }),
  categories: () => staffSession.request<ConsoleCategoryList>({ path: '/api/console/categories' }),
};
