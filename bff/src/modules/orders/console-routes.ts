import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { CursorQuery, Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { AfterSale, OrderDetail, OrderPage, ShipBody, afterSaleStatuses, orderStatuses } from '@linli/shared/schemas/order';
import { notFound } from '../../plugins/errors';
import { processDueRefunds } from '../payments/refunds';
import { approveAfterSale, rejectAfterSale, toAfterSale } from './after-sales';
import { shipOrder } from './fulfilment';
import { listOrders, loadOrderDetail } from './order-views';
import { afterSales, orders } from './tables';

const Params = Type.Object({ id: Id });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const DecisionBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });

/** Orders and after-sales in the merchant console. Who may do what: docs/roles.md. */
const orderConsoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const anyStaff = app.requirePermission('orders.read');

  app.get(
    '/orders',
    {
      onRequest: anyStaff,
      schema: {
        tags: ['console'],
        summary: '订单列表（按状态、订单号、买家筛选）',
        security: [{ staff: [] }],
        querystring: Type.Object(
          {
            ...CursorQuery,
            status: Type.Optional(Type.Union(orderStatuses.map((s) => Type.Literal(s)))),
            orderNo: Type.Optional(Type.String({ maxLength: 32 })),
            userId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 200: OrderPage, ...errors },
      },
    },
    async (request) => {
      const filters: Array<SQL | undefined> = [
        request.query.orderNo ? eq(orders.orderNo, request.query.orderNo) : undefined,
        request.query.userId ? eq(orders.userId, request.query.userId) : undefined,
      ];
      return listOrders(app.db, { ownerId: null, status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 20, extra: and(...filters) });
    },
  );

  app.get(
    '/orders/:id',
    { onRequest: anyStaff, schema: { tags: ['console'], summary: '订单详情（含状态日志）', security: [{ staff: [] }], params: Params, response: { 200: OrderDetail, ...errors } } },
    async (request) => {
      const order = await loadOrderDetail(app.db, request.params.id, null);
      if (!order) throw notFound('订单');
      return order;
    },
  );

  app.post(
    '/orders/:id/ship',
    {
      onRequest: app.requirePermission('orders.ship'),
      schema: { tags: ['console'], summary: '发货（快递公司 + 运单号）', security: [{ staff: [] }], params: Params, body: ShipBody, response: { 200: OrderDetail, ...errors } },
    },
    async (request) => {
      await shipOrder(app, { orderId: request.params.id, actor: { kind: 'staff', id: request.staffMember.id }, body: request.body });
      return (await loadOrderDetail(app.db, request.params.id, null))!;
    },
  );

  app.get(
    '/after-sales',
    {
      onRequest: anyStaff,
      schema: {
        tags: ['console'],
        summary: '售后申请列表',
        security: [{ staff: [] }],
        querystring: Type.Object(
          { status: Type.Optional(Type.Union(afterSaleStatuses.map((s) => Type.Literal(s)))), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(AfterSale) }), ...errors },
      },
    },
    async (request) => {
      const rows = await app.db
        .select()
        .from(afterSales)
        .where(request.query.status ? eq(afterSales.status, request.query.status) : undefined)
        .orderBy(desc(afterSales.createdAt))
        .limit(request.query.limit ?? 50);
      return { items: rows.map(toAfterSale) };
    },
  );

  const decide = app.requirePermission('afterSales.decide');

  app.post(
    '/after-sales/:id/approve',
    {
      onRequest: decide,
      schema: { tags: ['console'], summary: '同意售后并退款', security: [{ staff: [] }], params: Params, body: DecisionBody, response: { 200: AfterSale, ...errors } },
    },
    async (request) => {
      const approved = await approveAfterSale(app, { afterSaleId: request.params.id, actor: { kind: 'staff', id: request.staffMember.id }, note: request.body.note ?? '' });
      // Send the refund now rather than at the worker's next tick; the worker retries if this fails.
      await processDueRefunds(app).catch((err) => request.log.warn({ err }, 'refund will be retried by the worker'));
      const [fresh] = await app.db.select().from(afterSales).where(eq(afterSales.id, approved.id));
      return toAfterSale(fresh!);
    },
  );

  app.post(
    '/after-sales/:id/reject',
    {
      onRequest: decide,
      schema: { tags: ['console'], summary: '拒绝售后', security: [{ staff: [] }], params: Params, body: DecisionBody, response: { 200: AfterSale, ...errors } },
    },
    async (request) => rejectAfterSale(app, { afterSaleId: request.params.id, actor: { kind: 'staff', id: request.staffMember.id }, note: request.body.note ?? '' }),
  );
};

export default orderConsoleRoutes;
