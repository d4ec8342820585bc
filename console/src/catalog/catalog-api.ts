import type {
  ConsoleCategory,
  ConsoleCategoryList,
  ConsoleProductDetail,
  ConsoleProductPage,
  ConsoleSku,
  CreateCategoryBody,
  CreateProductBody,
  SkuInput,
  StockLevel,
  UpdateCategoryBody,
  UpdateProductBody,
  UpdateSkuPriceBody,
  UploadedImage,
} from '@linli/shared/schemas/catalog-console';
import { staffSession } from '../api/console-api';

const product = (id: string) => `/api/console/products/${encodeURIComponent(id)}`;
const sku = (id: string) => `/api/console/skus/${encodeURIComponent(id)}`;
const category = (id: string) => `/api/console/categories/${encodeURIComponent(id)}`;

/** The console's catalog routes (bff/src/modules/catalog/console-*.ts), typed from @linli/shared/schemas/catalog-console. */
export const catalogApi = {
  products: (query: Record<string, string>) => staffSession.request<ConsoleProductPage>({ path: '/api/console/products', query }),
  product: (id: string) => staffSession.request<ConsoleProductDetail>({ path: product(id) }),
  createProduct: (body: CreateProductBody) => staffSession.request<ConsoleProductDetail>({ path: '/api/console/products', method: 'POST', body }),
  updateProduct: (id: string, body: UpdateProductBody) => staffSession.request<ConsoleProductDetail>({ path: product(id), method: 'PATCH', body }),
  setShelf: (id: string, onShelf: boolean) => staffSession.request<ConsoleProductDetail>({ path: `${product(id)}/shelf`, method: 'PUT', body: { onShelf } }),
  addSku: (productId: string, body: SkuInput) => staffSession.request<ConsoleSku>({ path: `${product(productId)}/skus`, method: 'POST', body }),
  repriceSku: (id: string, body: UpdateSkuPriceBody) => staffSession.request<ConsoleSku>({ path: sku(id), method: 'PATCH', body }),
  adjustStock: (id: string, delta: number) => staffSession.request<StockLevel>({ path: `${sku(id)}/stock`, method: 'POST', body: { delta } }),
  categories: () => staffSession.request<ConsoleCategoryList>({ path: '/api/console/categories' }),
  createCategory: (body: CreateCategoryBody) => staffSession.request<ConsoleCategory>({ path: '/api/console/categories', method: 'POST', body }),
  updateCategory: (id: string, body: UpdateCategoryBody) => staffSession.request<ConsoleCategory>({ path: category(id), method: 'PATCH', body }),
  uploadImage(file: Blob) {
    const form = new FormData();
    form.append('file', file);
    return staffSession.request<UploadedImage>({ path: '/api/console/images', method: 'POST', body: form });
  },
};
