import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import {
  AfterSale,
  AfterSaleBody,
  CreateOrderBody,
  IdempotencyHeaders,
  MyAfterSales,
  OrderDetail,
  OrderListQuery,
  OrderPage,
} from '@linli/shared/schemas/order';
import { notFound } from '../../plugins/errors';
import { listMyAfterSales, requestAfterSale } from './after-sales';
import { cancelOrder } from './cancel-order';
import { confirmReceipt } from './fulfilment';
import { listOrders, loadOrderDetail } from './order-views';
import { placeOrder } from './place-order';

const OrderParams = Type.Object({ id: Id });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/** The shopper's orders. Every read and write is scoped to the signed-in shopper. */
const orderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticateShopper);

  app.post(
    '/orders',
    {
      schema: {
        tags: ['orders'],
        summary: '下单（需要 Idempotency-Key）',
        description:
          'Same key + same body → the same order (201). Same key + another body → 422. A duplicate while the first is still being placed → 409.',
        security: [{ shopper: [] }],
        headers: IdempotencyHeaders,
        body: CreateOrderBody,
        response: { 201: OrderDetail, ...errors },
      },
    },
    async (request, reply) => {
      const { order } = await placeOrder(app, { userId: request.shopperId, idempotencyKey: request.headers['idempotency-key'], body: request.body });
      return reply.status(201).send(order);
    },
  );

  app.get(
    '/orders',
    { schema: { tags: ['orders'], summary: '我的订单', security: [{ shopper: [] }], querystring: OrderListQuery, response: { 200: OrderPage, ...errors } } },
    async (request) =>
      listOrders(app.db, { ownerId: request.shopperId, status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/orders/:id',
    { schema: { tags: ['orders'], summary: '订单详情', security: [{ shopper: [] }], params: OrderParams, response: { 200: OrderDetail, ...errors } } },
    async (request) => {
      const order = await loadOrderDetail(app.db, request.params.id, request.shopperId);
      if (!order) throw notFound('订单');
      return order;
    },
  );

  app.post(
    '/orders/:id/cancel',
    { schema: { tags: ['orders'], summary: '取消未付款订单', security: [{ shopper: [] }], params: OrderParams, response: { 200: OrderDetail, ...errors } } },
    async (request) => {
      await cancelOrder(app, { orderId: request.params.id, ownerId: request.shopperId, actor: { kind: 'shopper', id: request.shopperId } });
      return (await loadOrderDetail(app.db, request.params.id, request.shopperId))!;
    },
  );

  app.post(
    '/orders/:id/confirm-receipt',
    { schema: { tags: ['orders'], summary: '确认收货', security: [{ shopper: [] }], params: OrderParams, response: { 200: OrderDetail, ...errors } } },
    async (request) => {
      await confirmReceipt(app, { orderId: request.params.id, ownerId: request.shopperId });
      return (await loadOrderDetail(app.db, request.params.id, request.shopperId))!;
    },
  );

  app.get(
    '/orders/:id/after-sales',
    {
      schema: {
        tags: ['orders'],
        summary: '该订单的售后申请（最新在前）',
        security: [{ shopper: [] }],
        params: OrderParams,
        response: { 200: MyAfterSales, ...errors },
      },
    },
    async (request) => {
      const items = await listMyAfterSales(app, { userId: request.shopperId, orderId: request.params.id });
      if (!items) throw notFound('订单');
      return { items };
    },
  );

  app.post(
    '/orders/:id/after-sales',
    {
      schema: {
        tags: ['orders'],
        summary: '申请售后退款（整单或部分商品）',
        security: [{ shopper: [] }],
        params: OrderParams,
        body: AfterSaleBody,
        response: { 201: AfterSale, ...errors },
      },
    },
    async (request, reply) => {
      const afterSale = await requestAfterSale(app, { userId: request.shopperId, orderId: request.params.id, body: request.body });
      return reply.status(201).send(afterSale);
    },
  );
};

export default orderRoutes;
