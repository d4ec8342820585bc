import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import { desc, eq } from 'drizzle-orm';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import {
  AfterSale,
  ConsoleOrderExportQuery,
  ConsoleOrderPage,
  ConsoleOrderQuery,
  OrderDetail,
  ShipBatchAnswer,
  ShipBatchBody,
  ShipBody,
  afterSaleStatuses,
  maxExportOrders,
} from '@linli/shared/schemas/order';
import { notFound } from '../../plugins/errors';
import { processDueRefunds } from '../payments/refunds';
import { approveAfterSale, rejectAfterSale, toAfterSale } from './after-sales';
import { shipOrder } from './fulfilment';
import { consoleOrderCondition } from './console-order-filters';
import { addressSeenBy, listConsoleOrders } from './console-order-views';
import { exportDisposition } from './order-csv';
import { countOrdersUpTo, orderCsvChunks } from './order-export';
import { loadOrderDetail } from './order-views';
import { shipBatch } from './ship-batch';
import { afterSales } from './tables';

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
        summary: '订单列表（按状态、下单日期、订单号、买家、拼团筛选）',
        description: 'Every filter given must hold. `from`/`to` are Asia/Shanghai calendar days of placing, both included. Newest first, keyset cursor.',
        security: [{ staff: [] }],
        querystring: ConsoleOrderQuery,
        response: { 200: ConsoleOrderPage, ...errors },
      },
    },
    async (request) => listConsoleOrders(app.db, request.query),
  );

  app.get(
    '/orders/export',
    {
      onRequest: anyStaff,
      schema: {
        tags: ['console'],
        summary: '导出订单 CSV（与列表相同的筛选）',
        description:
          `UTF-8 CSV with a byte order mark, one record per order line, newest order first. At most ${maxExportOrders} orders: ` +
          '`X-Export-Orders` says how many are in the file and `X-Export-Capped` is `true` when more matched. ' +
          'Phone numbers are masked for roles that do not ship.',
        security: [{ staff: [] }],
        querystring: ConsoleOrderExportQuery,
        response: { 200: { description: 'CSV file', content: { 'text/csv': { schema: Type.String() } } }, ...errors },
      },
    },
    async (request, reply) => {
      const where = consoleOrderCondition(request.query);
      const matching = await countOrdersUpTo(app.db, where, maxExportOrders + 1);
      const chunks = orderCsvChunks(app.db, { where, role: request.staffMember.role, cap: maxExportOrders });
      // A stream is sent as it is; the typed reply only knows the JSON bodies.
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', exportDisposition(app.clock()))
        .header('cache-control', 'no-store')
        .header('x-export-orders', String(Math.min(matching, maxExportOrders)))
        .header('x-export-capped', String(matching > maxExportOrders))
        .send(Readable.from(chunks) as never);
    },
  );

  app.get(
    '/orders/:id',
    { onRequest: anyStaff, schema: { tags: ['console'], summary: '订单详情（含状态日志）', security: [{ staff: [] }], params: Params, response: { 200: OrderDetail, ...errors } } },
    async (request) => {
      const order = await loadOrderDetail(app.db, request.params.id, null);
      if (!order) throw notFound('订单');
      return { ...order, address: addressSeenBy(request.staffMember.role, order.address) };
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

  app.post(
    '/orders/ship-batch',
    {
      onRequest: app.requirePermission('orders.ship'),
      schema: {
        tags: ['console'],
        summary: '批量发货',
        description:
          'Each line is shipped in its own transaction, as if shipped alone: one failing line does not undo the others. ' +
          'The answer has one result per line, in order. An order named twice is a 400 and nothing is shipped.',
        security: [{ staff: [] }],
        body: ShipBatchBody,
        response: { 200: ShipBatchAnswer, ...errors },
      },
    },
    async (request) => ({ results: await shipBatch(app, { actor: { kind: 'staff', id: request.staffMember.id }, body: request.body, log: request.log }) }),
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
