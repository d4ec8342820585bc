import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CategoryList, ProductDetail, ProductListQuery, ProductPage } from '@linli/shared/schemas/catalog';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { notFound } from '../../plugins/errors';
import { normaliseKeyword } from './product-sql';
import { catalogReadCache } from './read-cache';
import { shelfRepository } from './shelf-repository';

/**
 * The shopper's catalog: public, read-only, served through the short-lived read cache. The cache
 * keeps the serialised JSON (made by the route's own response serializer, so it is exactly what the
 * schema allows): a hit costs no query and no serialisation, which is most of the work of a hot page.
 */
const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const shelf = shelfRepository(app.database);
  const cache = catalogReadCache(app.db);

  app.get(
    '/categories',
    { schema: { tags: ['catalog'], summary: '类目列表', response: { 200: CategoryList } } },
    async () => ({ items: await cache.read('categories', () => shelf.categories()) }),
  );

  app.get(
    '/products',
    {
      schema: {
        tags: ['catalog'],
        summary: '在售商品列表（新品在前，游标分页；q 按标题和副标题子串匹配）',
        querystring: ProductListQuery,
        response: { 200: ProductPage, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const query = {
        categoryId: request.query.categoryId,
        q: normaliseKeyword(request.query.q),
        cursor: request.query.cursor,
        limit: request.query.limit ?? 20,
      };
      const key = `products:${JSON.stringify([query.categoryId ?? '', query.q ?? '', query.cursor ?? '', query.limit])}`;
      const json = await cache.read(key, async () => reply.serialize(await shelf.page(query)));
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.get(
    '/products/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: '商品详情（含 SKU 与库存）',
        params: Type.Object({ id: Id }),
        response: { 200: ProductDetail, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const json = await cache.read(`product:${request.params.id}`, async () => {
        const product = await shelf.product(request.params.id);
        return product ? reply.serialize(product) : null;
      });
      if (!json) throw notFound('商品');
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );
};

export default catalogRoutes;
