import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { CreateWithdrawalBody, Withdrawal, WithdrawalIdempotencyHeaders, WithdrawalPage, WithdrawalQuery } from '@linli/shared/schemas/withdrawals';
import { requirePromoter } from '../commissions/promoters';
import { requestWithdrawal } from './request-withdrawal';
import { listMyWithdrawals, myWithdrawal, toWithdrawal } from './withdrawal-views';

const Params = Type.Object({ id: Id });
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/** A promoter's withdrawals. Every read and write is scoped to the signed-in shopper; non-promoters get 403 NOT_PROMOTER. */
const withdrawalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticateShopper);
  app.addHook('preHandler', async (request) => requirePromoter(app, request.shopperId));

  app.post(
    '/withdrawals',
    {
      schema: {
        tags: ['withdrawals'],
        summary: '申请提现（到微信零钱）',
        description:
          'At least the shop minimum (409 WITHDRAWAL_BELOW_MINIMUM), at most my available balance (409 INSUFFICIENT_BALANCE). Optional Idempotency-Key: the same key again returns the same withdrawal; with another amount 422.',
        security: [{ shopper: [] }],
        headers: WithdrawalIdempotencyHeaders,
        body: CreateWithdrawalBody,
        response: { 201: Withdrawal, ...errors },
      },
    },
    async (request, reply) => {
      const withdrawal = await requestWithdrawal(app, { userId: request.shopperId, amount: request.body.amount, idempotencyKey: request.headers['idempotency-key'] });
      return reply.status(201).send(toWithdrawal(withdrawal));
    },
  );

  app.get(
    '/withdrawals',
    { schema: { tags: ['withdrawals'], summary: '我的提现记录', security: [{ shopper: [] }], querystring: WithdrawalQuery, response: { 200: WithdrawalPage, ...errors } } },
    async (request) => listMyWithdrawals(app.db, { ownerId: request.shopperId, status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/withdrawals/:id',
    {
      schema: {
        tags: ['withdrawals'],
        summary: '提现详情',
        description: 'While WeChat waits for me to confirm receipt, packageInfo is set: pass it to wx.requestMerchantTransfer.',
        security: [{ shopper: [] }],
        params: Params,
        response: { 200: Withdrawal, ...errors },
      },
    },
    async (request) => myWithdrawal(app.db, request.params.id, request.shopperId),
  );
};

export default withdrawalRoutes;
