import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { CreateWithdrawalBody, Withdrawal, WithdrawalIdempotencyHeaders, WithdrawalPage, WithdrawalQuery } from '@linli/shared/schemas/withdrawals';
import { requirePromoterCentre } from '../commissions/promoters';
import { AppError } from '../../plugins/errors';
import { asSandbox } from '../payments/connect';
import { refreshPayout } from './payouts';
import { requestWithdrawal } from './request-withdrawal';
import { withdrawals } from './tables';
import { listMyWithdrawals, myWithdrawal, toWithdrawal, transferMerchantOf } from './withdrawal-views';

const Params = Type.Object({ id: Id });
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/** A promoter's withdrawals. Every read and write is scoped to the signed-in shopper; non-promoters get 403 NOT_PROMOTER. */
const withdrawalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticateShopper);
  app.addHook('preHandler', async (request) => requirePromoterCentre(app.db, request.shopperId));
  const merchant = transferMerchantOf(app.config);

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
      return reply.status(201).send(toWithdrawal(withdrawal, merchant));
    },
  );

  app.get(
    '/withdrawals',
    { schema: { tags: ['withdrawals'], summary: '我的提现记录', security: [{ shopper: [] }], querystring: WithdrawalQuery, response: { 200: WithdrawalPage, ...errors } } },
    async (request) => listMyWithdrawals(app.db, { ownerId: request.shopperId, status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 20 }, merchant),
  );

  app.get(
    '/withdrawals/:id',
    {
      schema: {
        tags: ['withdrawals'],
        summary: '提现详情',
        description: 'While WeChat waits for me to confirm receipt, packageInfo is set, and with WeChat Pay configured merchantTransfer holds all wx.requestMerchantTransfer needs (mchId, appId, package). Only the owner ever sees them.',
        security: [{ shopper: [] }],
        params: Params,
        response: { 200: Withdrawal, ...errors },
      },
    },
    async (request) => myWithdrawal(app.db, request.params.id, request.shopperId, merchant),
  );

  app.post(
    '/withdrawals/:id/refresh',
    {
      schema: {
        tags: ['withdrawals'],
        summary: '确认收款后刷新提现状态',
        description: 'Call after wx.requestMerchantTransfer succeeds: the BFF asks WeChat Pay about the transfer at once instead of at its next scheduled look.',
        security: [{ shopper: [] }],
        params: Params,
        response: { 200: Withdrawal, ...errors },
      },
    },
    async (request) => {
      await myWithdrawal(app.db, request.params.id, request.shopperId, merchant);
      await refreshPayout(app, { withdrawalId: request.params.id, ownerId: request.shopperId });
      return myWithdrawal(app.db, request.params.id, request.shopperId, merchant);
    },
  );

  app.post(
    '/payments/sandbox/withdrawals/:id/confirm',
    {
      schema: {
        tags: ['withdrawals'],
        summary: '沙箱提现：模拟推广员确认收款（仅沙箱）',
        description: 'Stands in for the promoter accepting the transfer in WeChat (wx.requestMerchantTransfer), then refreshes the withdrawal. 409 when the transfer is not waiting for confirmation.',
        security: [{ shopper: [] }],
        params: Params,
        response: { 200: Withdrawal, ...errors },
      },
    },
    async (request) => {
      const sandbox = asSandbox(app.payments);
      if (!sandbox) throw new AppError(404, 'SANDBOX_DISABLED', '当前不是沙箱支付环境');
      const withdrawal = await myWithdrawal(app.db, request.params.id, request.shopperId, merchant);
      const [row] = await app.db.select({ outBillNo: withdrawals.outBillNo }).from(withdrawals).where(eq(withdrawals.id, withdrawal.id));
      try {
        await sandbox.confirmTransfer(row!.outBillNo);
      } catch (err) {
        throw new AppError(409, 'SANDBOX_TRANSFER_NOT_WAITING', `该提现不在等待收款：${(err as Error).message}`);
      }
      await refreshPayout(app, { withdrawalId: withdrawal.id, ownerId: request.shopperId });
      return myWithdrawal(app.db, withdrawal.id, request.shopperId, merchant);
    },
  );
};

export default withdrawalRoutes;
