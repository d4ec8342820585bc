import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, asc, eq, sql } from 'drizzle-orm';
import { Cart, SetCartLineBody, type CartLine } from '@linli/shared/schemas/cart';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { Quote, QuoteBody } from '@linli/shared/schemas/order';
import { AppError } from '../../plugins/errors';
import { couponOptions, usableCoupons } from '../coupons/checkout-coupons';
import { groupOrderOffer } from '../group-buys/campaign-for-sku';
import { pricingLines, quoteLines, shippingRule } from './price-lines';
import { loadSkusForSale, mergeLines, type SkuForSale } from './skus-for-sale';
import { cartLines } from './tables';

const SkuParams = Type.Object({ skuId: Id });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The shopper's cart: lines by SKU, repriced on every read, each line saying if it can be bought. */
const cartRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticateShopper);

  const readCart = async (userId: string) => {
    const rows = await app.db.select().from(cartLines).where(eq(cartLines.userId, userId)).orderBy(asc(cartLines.createdAt));
    const skus = await loadSkusForSale(app.database, app.db, rows.map((r) => r.skuId));
    const lines: CartLine[] = [];
    const buyable: Array<{ sku: SkuForSale; quantity: number }> = [];
    for (const row of rows) {
      const sku = skus.get(row.skuId)!;
      const problem = !sku.onShelf ? 'OFF_SHELF' : sku.stock === 0 ? 'OUT_OF_STOCK' : sku.stock < row.quantity ? 'INSUFFICIENT_STOCK' : null;
      lines.push({ skuId: sku.skuId, productId: sku.productId, title: sku.title, specText: sku.specText, image: sku.image, unitPrice: sku.price, quantity: row.quantity, stock: sku.stock, problem });
      if (!problem) buyable.push({ sku, quantity: row.quantity });
    }
    return { lines, quote: buyable.length > 0 ? quoteLines(app.config, buyable, app.clock()).quote : null };
  };

  app.get('/cart', { schema: { tags: ['cart'], summary: '购物车', security: [{ shopper: [] }], response: { 200: Cart, ...errors } } }, async (request) =>
    readCart(request.shopperId),
  );

  app.put(
    '/cart/lines/:skuId',
    {
      schema: { tags: ['cart'], summary: '设置购物车中某规格的数量', security: [{ shopper: [] }], params: SkuParams, body: SetCartLineBody, response: { 200: Cart, ...errors } },
    },
    async (request) => {
      const skus = await loadSkusForSale(app.database, app.db, [request.params.skuId]);
      const sku = skus.get(request.params.skuId);
      if (!sku || !sku.onShelf) throw new AppError(404, 'SKU_UNAVAILABLE', '商品已下架或不存在');
      await app.db
        .insert(cartLines)
        .values({ userId: request.shopperId, skuId: sku.skuId, quantity: request.body.quantity })
        .onConflictDoUpdate({ target: [cartLines.userId, cartLines.skuId], set: { quantity: request.body.quantity, updatedAt: sql`now()` } });
      return readCart(request.shopperId);
    },
  );

  app.delete(
    '/cart/lines/:skuId',
    { schema: { tags: ['cart'], summary: '移出购物车', security: [{ shopper: [] }], params: SkuParams, response: { 200: Cart, ...errors } } },
    async (request) => {
      await app.db.delete(cartLines).where(and(eq(cartLines.userId, request.shopperId), eq(cartLines.skuId, request.params.skuId)));
      return readCart(request.shopperId);
    },
  );

  app.post(
    '/quote',
    {
      schema: {
        tags: ['cart'],
        summary: '结算报价：应付金额、每行分摊、推荐的优惠券及其他券不可用的原因',
        description: 'With groupBuy the lines are priced as that group order would be placed (leader or group price), so the quote payable is the order payable.',
        security: [{ shopper: [] }],
        body: QuoteBody,
        response: { 200: Quote, ...errors },
      },
    },
    async (request) => {
      const lines = mergeLines(request.body.lines);
      const skus = await loadSkusForSale(app.database, app.db, lines.map((l) => l.skuId));
      const now = app.clock();
      const { groupBuy } = request.body;
      const offer = groupBuy ? await groupOrderOffer(app.db, { ...groupBuy, lines, now }) : null;
      const priced = lines.map((l) => {
        const sku = skus.get(l.skuId);
        if (!sku || !sku.onShelf) throw new AppError(409, 'SKU_UNAVAILABLE', '商品已下架或不存在');
        if (sku.stock < l.quantity) throw new AppError(409, 'INSUFFICIENT_STOCK', `库存不足：${sku.title}`);
        return { sku, quantity: l.quantity, groupUnitPrice: offer?.unitPrice };
      });
      const mine = await usableCoupons(app.db, request.shopperId, now);
      const { bestId, options } = couponOptions(pricingLines(priced), mine, shippingRule(app.config), now);
      const wanted = request.body.userCouponId === undefined ? bestId : request.body.userCouponId;
      const chosen = wanted ? mine.find((c) => c.id === wanted) : null;
      if (wanted && !chosen) throw new AppError(409, 'COUPON_UNAVAILABLE', '该优惠券不可用（已使用、已过期或不属于你）');
      const { quote } = quoteLines(app.config, priced, now, chosen ?? null);
      return { ...quote, couponOptions: options };
    },
  );
};

export default cartRoutes;
