import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ConsoleCategory,
  ConsoleCategoryList,
  CreateCategoryBody,
  UpdateCategoryBody,
} from '@linli/shared/schemas/catalog-console';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { notFound } from '../../plugins/errors';
import { categoryRepository } from './category-repository';

const consoleCategoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const categories = categoryRepository(app.database);
  const denied = { 401: ErrorBody, 403: ErrorBody };

  app.get(
    '/categories',
    {
      onRequest: app.requirePermission('catalog.read'),
      schema: { tags: ['console'], summary: '类目列表（含商品数）', security: [{ staff: [] }], response: { 200: ConsoleCategoryList, ...denied } },
    },
    async () => ({ items: await categories.list() }),
  );

  app.post(
    '/categories',
    {
      onRequest: app.requirePermission('catalog.write'),
      schema: {
        tags: ['console'],
        summary: '新建类目',
        security: [{ staff: [] }],
        body: CreateCategoryBody,
        response: { 201: ConsoleCategory, 400: ErrorBody, 409: ErrorBody, ...denied },
      },
    },
    async (request, reply) => reply.status(201).send(await categories.create(request.body)),
  );

  app.patch(
    '/categories/:id',
    {
      onRequest: app.requirePermission('catalog.write'),
      schema: {
        tags: ['console'],
        summary: '修改类目名称或排序',
        security: [{ staff: [] }],
        params: Type.Object({ id: Id }),
        body: UpdateCategoryBody,
        response: { 200: ConsoleCategory, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, ...denied },
      },
    },
    async (request) => {
      const category = await categories.update(request.params.id, request.body);
      if (!category) throw notFound('类目');
      return category;
    },
  );
};

export default consoleCategoryRoutes;
