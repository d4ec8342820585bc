import { Type } from '@sinclair/typebox';
import { checkSkuSpecs, checkSpecDefinitions } from '@linli/shared/catalog/spec-rules';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ConsoleProductDetail,
  ConsoleProductListQuery,
  ConsoleProductPage,
  ConsoleSku,
  CreateProductBody,
  ShelfBody,
  SkuInput,
  UpdateProductBody,
} from '@linli/shared/schemas/catalog-console';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { notFound } from '../../plugins/errors';
import { throwIfPriceProblems, throwIfRepeatedCodes, throwIfSpecProblems } from './catalog-input-errors';
import { loadProductRecord } from './product-record';
import { productRepository } from './product-repository';
import { normaliseKeyword } from './product-sql';
import { skuRepository } from './sku-repository';

const ProductParams = Type.Object({ id: Id });

const consoleProductRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const products = productRepository(app.database);
  const skus = skuRepository(app.database);
  const denied = { 401: ErrorBody, 403: ErrorBody };

  async function detailOf(id: string) {
    const product = await loadProductRecord(app.database, app.db, id);
    if (!product) throw notFound('商品');
    return product;
  }

  app.get(
    '/products',
    {
      onRequest: app.requirePermission('catalog.read'),
      schema: {
        tags: ['console'],
        summary: '商品列表（含已下架；可按关键词、上下架、类目筛选）',
        security: [{ staff: [] }],
        querystring: ConsoleProductListQuery,
        response: { 200: ConsoleProductPage, 400: ErrorBody, ...denied },
      },
    },
    async (request) =>
      products.page({
        categoryId: request.query.categoryId,
        q: normaliseKeyword(request.query.q),
        onShelf: request.query.onShelf,
        cursor: request.query.cursor,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/products/:id',
    {
      onRequest: app.requirePermission('catalog.read'),
      schema: {
        tags: ['console'],
        summary: '商品详情（含 SKU 编码与库存）',
        security: [{ staff: [] }],
        params: ProductParams,
        response: { 200: ConsoleProductDetail, 404: ErrorBody, ...denied },
      },
    },
    async (request) => detailOf(request.params.id),
  );

  app.post(
    '/products',
    {
      onRequest: app.requirePermission('catalog.write'),
      schema: {
        tags: ['console'],
        summary: '新建商品及其全部 SKU（一个事务）',
        security: [{ staff: [] }],
        body: CreateProductBody,
        response: { 201: ConsoleProductDetail, 400: ErrorBody, 409: ErrorBody, ...denied },
      },
    },
    async (request, reply) => {
      const { skus: skuInputs, ...product } = request.body;
      throwIfSpecProblems([...checkSpecDefinitions(product.specs), ...checkSkuSpecs(product.specs, skuInputs)]);
      throwIfPriceProblems(skuInputs.map((s, i) => ({ ...s, path: `body/skus/${i}` })));
      throwIfRepeatedCodes(skuInputs.map((s) => s.code));
      const id = await app.db.transaction(async (tx) => {
        const productId = await products.insert(product, tx);
        await skus.insert(productId, skuInputs, tx);
        return productId;
      });
      return reply.status(201).send(await detailOf(id));
    },
  );

  app.patch(
    '/products/:id',
    {
      onRequest: app.requirePermission('catalog.write'),
      schema: {
        tags: ['console'],
        summary: '修改商品信息（改规格时现有 SKU 必须仍然符合）',
        security: [{ staff: [] }],
        params: ProductParams,
        body: UpdateProductBody,
        response: { 200: ConsoleProductDetail, 400: ErrorBody, 404: ErrorBody, ...denied },
      },
    },
    async (request) => {
      const { id } = request.params;
      const patch = request.body;
      const found = await app.db.transaction(async (tx) => {
        if (patch.specs) {
          const current = await products.lockSpecs(id, tx);
          if (!current) return false;
          throwIfSpecProblems([
            ...checkSpecDefinitions(patch.specs),
            ...checkSkuSpecs(patch.specs, await skus.ofProduct(id, tx), { pathOf: () => 'body/specs' }),
          ]);
        }
        return products.update(id, patch, tx);
      });
      if (!found) throw notFound('商品');
      return detailOf(id);
    },
  );

  app.put(
    '/products/:id/shelf',
    {
      onRequest: app.requirePermission('catalog.write'),
      schema: {
        tags: ['console'],
        summary: '上架或下架',
        security: [{ staff: [] }],
        params: ProductParams,
        body: ShelfBody,
        response: { 200: ConsoleProductDetail, 400: ErrorBody, 404: ErrorBody, ...denied },
      },
    },
    async (request) => {
      if (!(await products.setShelf(request.params.id, request.body.onShelf))) throw notFound('商品');
      return detailOf(request.params.id);
    },
  );

  app.post(
    '/products/:id/skus',
    {
      onRequest: app.requirePermission('catalog.write'),
      schema: {
        tags: ['console'],
        summary: '为商品新增一个 SKU',
        security: [{ staff: [] }],
        params: ProductParams,
        body: SkuInput,
        response: { 201: ConsoleSku, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, ...denied },
      },
    },
    async (request, reply) => {
      const input = request.body;
      throwIfPriceProblems([{ ...input, path: 'body' }]);
      const created = await app.db.transaction(async (tx) => {
        // The product row lock makes two concurrent adds of one spec combination take turns.
        const specs = await products.lockSpecs(request.params.id, tx);
        if (!specs) throw notFound('商品');
        const existing = await skus.ofProduct(request.params.id, tx);
        throwIfSpecProblems(checkSkuSpecs(specs, [input], { existing, pathOf: () => 'body/specs' }));
        const [sku] = await skus.insert(request.params.id, [input], tx);
        return sku;
      });
      if (!created) throw new Error('insert returned no row');
      return reply.status(201).send(created);
    },
  );
};

export default consoleProductRoutes;
