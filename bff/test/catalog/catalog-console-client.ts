import { randomUUID } from 'node:crypto';
import type { ConsoleProductDetail, CreateProductBody } from '@linli/shared/schemas/catalog-console';
import type { App } from '../../src/app';
import { bearer } from '../helper';

/** The console's catalog API as a test drives it, with an owner's (or any staff member's) token. */
export function consoleCatalog(app: App, token: string) {
  const headers = bearer(token);

  async function createCategory(name = `类目-${randomUUID().slice(0, 8)}`): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/console/categories', headers, payload: { name } });
    if (res.statusCode !== 201) throw new Error(`create category failed: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string }>().id;
  }

  /** POSTs a product; the raw response, for tests about refusals. */
  function postProduct(body: object) {
    return app.inject({ method: 'POST', url: '/api/console/products', headers, payload: body });
  }

  return {
    headers,
    createCategory,
    postProduct,

    /** A valid product body: two colours × two sizes, on shelf, 10 in stock each. */
    productBody(categoryId: string, overrides: Partial<CreateProductBody> = {}): CreateProductBody {
      const tag = randomUUID().slice(0, 8);
      const specs = [
        { name: '颜色', values: ['红', '蓝'] },
        { name: '尺码', values: ['S', 'M'] },
      ];
      return {
        categoryId,
        title: `测试商品 ${tag}`,
        subtitle: '副标题',
        detail: '详情',
        images: ['/media/products/test-1.png', '/media/products/test-2.png'],
        specs,
        skus: ['红', '蓝'].flatMap((colour, c) =>
          ['S', 'M'].map((size, s) => ({
            code: `${tag}-${c}${s}`,
            specs: { 颜色: colour, 尺码: size },
            price: 1000 + c * 100 + s * 10,
            listPrice: 2000,
            stock: 10,
          })),
        ),
        onShelf: true,
        ...overrides,
      };
    },

    async createProduct(body: CreateProductBody): Promise<ConsoleProductDetail> {
      const res = await postProduct(body);
      if (res.statusCode !== 201) throw new Error(`create product failed: ${res.statusCode} ${res.body}`);
      return res.json<ConsoleProductDetail>();
    },

    async setShelf(productId: string, onShelf: boolean) {
      return app.inject({ method: 'PUT', url: `/api/console/products/${productId}/shelf`, headers, payload: { onShelf } });
    },

    adjustStock(skuId: string, delta: number) {
      return app.inject({ method: 'POST', url: `/api/console/skus/${skuId}/stock`, headers, payload: { delta } });
    },
  };
}

/** A multipart/form-data body with one file part, as a browser's FormData would send it. */
export function multipartFile(filename: string, bytes: Buffer, contentType: string) {
  const boundary = `----linli${randomUUID().replace(/-/g, '')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
