import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ConsoleSku, StockAdjustBody, StockLevel, UpdateSkuPriceBody } from '@linli/shared/schemas/catalog-console';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { AppError, notFound } from '../../plugins/errors';
import { throwIfPriceProblems } from './catalog-input-errors';
import { skuRepository } from './sku-repository';

const SkuParams = Type.Object({ id: Id });

const consoleSkuRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const skus = skuRepository(app.database);
  const denied = { 401: ErrorBody, 403: ErrorBody };

  app.patch(
    '/skus/:id',
    {
      onRequest: app.requirePermission('catalog.write'),
      schema: {
        tags: ['console'],
        summary: '修改 SKU 售价或划线价（划线价 ≥ 售价 > 0）',
        security: [{ staff: [] }],
        params: SkuParams,
        body: UpdateSkuPriceBody,
        response: { 200: ConsoleSku, 400: ErrorBody, 404: ErrorBody, ...denied },
      },
    },
    async (request) => {
      const updated = await app.db.transaction(async (tx) => {
        // Locked, so a concurrent change to the other half of the pair cannot slip between check and write.
        const sku = await skus.lock(request.params.id, tx);
        if (!sku) return null;
        const price = request.body.price ?? sku.price;
        const listPrice = request.body.listPrice ?? sku.listPrice;
        throwIfPriceProblems([{ price, listPrice, path: 'body' }]);
        return skus.setPrice(sku.id, price, listPrice, tx);
      });
      if (!updated) throw notFound('SKU');
      return updated;
    },
  );

  app.post(
    '/skus/:id/stock',
    {
      onRequest: app.requirePermission('catalog.write'),
      schema: {
        tags: ['console'],
        summary: '调整库存（入库为正，出库为负；不会低于 0）',
        security: [{ staff: [] }],
        params: SkuParams,
        body: StockAdjustBody,
        response: { 200: StockLevel, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, ...denied },
      },
    },
    async (request) => {
      const { id } = request.params;
      const stock = await skus.adjustStock(id, request.body.delta);
      if (stock !== null) return { skuId: id, stock };
      if (!(await skus.exists(id))) throw notFound('SKU');
      throw new AppError(409, 'STOCK_WOULD_GO_NEGATIVE', '库存不足，调整后将小于 0');
    },
  );
};

export default consoleSkuRoutes;
