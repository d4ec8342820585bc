import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, eq } from 'drizzle-orm';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { OrderDetail, PayResponse } from '@linli/shared/schemas/order';
import { AppError, notFound } from '../../plugins/errors';
import { loadOrderDetail } from '../orders/order-views';
import { orders } from '../orders/tables';
import { applyConfirmedPayment } from './apply-payment';
import { prepayOrder } from './prepay-order';
import { asSandbox } from './connect';
import { NotifyRejectedError } from './providers/payment-provider';
import { applyRefundResult, processDueRefunds } from './refunds';

const OrderParams = Type.Object({ id: Id });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const paymentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/orders/:id/pay',
    {
      onRequest: app.authenticateShopper,
      schema: {
        tags: ['payments'],
        summary: '发起支付：返回 wx.requestPayment 参数',
        security: [{ shopper: [] }],
        params: OrderParams,
        response: { 200: PayResponse, 502: ErrorBody, ...errors },
      },
    },
    async (request) => {
      return prepayOrder(app, { userId: request.shopperId, orderId: request.params.id });
    },
  );

  // The notify route reads its body as the raw string: the signature covers the exact bytes sent.
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    raw.post(
      '/payments/notify',
      {
        schema: {
          tags: ['payments'],
          summary: '支付/退款结果通知（微信支付 v3 协议；沙箱同样走这里）',
          description: 'Verified: platform key serial, RSA-SHA256 over timestamp\\nnonce\\nbody\\n, ±5 min, AES-256-GCM resource. 204 on success; replays change nothing.',
          response: { 204: Type.Null(), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        let notice;
        try {
          notice = await app.payments.verifyNotify(request.headers, String(request.body ?? ''));
        } catch (err) {
          if (err instanceof NotifyRejectedError) {
            request.log.warn({ reason: err.reason }, 'payment notify rejected');
            throw new AppError(401, 'NOTIFY_REJECTED', `通知验证失败：${err.reason}`);
          }
          throw err;
        }
        if (notice.kind === 'payment') {
          if (notice.tradeState === 'SUCCESS') {
            const outcome = await applyConfirmedPayment(app, notice);
            if (outcome === 'refunding_closed_order') void processDueRefunds(app).catch(() => undefined);
          }
        } else {
          await app.db.transaction((tx) => applyRefundResult(app, tx, notice.outRefundNo, notice.status, notice.refundId));
        }
        return reply.status(204).send();
      },
    );
  });

  app.post(
    '/payments/sandbox/orders/:id/confirm',
    {
      onRequest: app.authenticateShopper,
      schema: {
        tags: ['payments'],
        summary: '沙箱支付：模拟买家完成付款（仅沙箱）',
        description: 'The sandbox signs and encrypts a WeChat Pay v3 notify with its local keys and delivers it to /api/payments/notify.',
        security: [{ shopper: [] }],
        params: OrderParams,
        response: { 200: OrderDetail, 502: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const sandbox = asSandbox(app.payments);
      if (!sandbox) throw new AppError(404, 'SANDBOX_DISABLED', '当前不是沙箱支付环境');
      const [order] = await app.db.select().from(orders).where(and(eq(orders.id, request.params.id), eq(orders.userId, request.shopperId)));
      if (!order) throw notFound('订单');
      let notify;
      try {
        notify = await sandbox.confirmPayment(order.orderNo);
      } catch (err) {
        throw new AppError(409, 'SANDBOX_NOT_PREPAID', `请先发起支付：${(err as Error).message}`);
      }
      const delivered = await app.inject({ method: 'POST', url: '/api/payments/notify', headers: { ...notify.headers, 'content-type': 'application/json' }, payload: notify.body });
      if (delivered.statusCode !== 204) throw new AppError(502, 'SANDBOX_NOTIFY_FAILED', `通知未被接受（${delivered.statusCode}）`);
      return (await loadOrderDetail(app.db, order.id, request.shopperId))!;
    },
  );
};

export default paymentRoutes;
