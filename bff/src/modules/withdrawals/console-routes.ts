import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { ConsoleWithdrawalDetail, ConsoleWithdrawalPage, WithdrawalDecisionBody, WithdrawalQuery } from '@linli/shared/schemas/withdrawals';
import { decideWithdrawal } from './decide-withdrawal';
import { processDuePayouts } from './payouts';
import { consoleWithdrawalDetail, listConsoleWithdrawals } from './withdrawal-views';

const Params = Type.Object({ id: Id });
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Withdrawal approvals in the merchant console. Who may do what: docs/roles.md. */
const withdrawalConsoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requirePermission('referrals.read');
  const decide = app.requirePermission('withdrawals.decide');

  app.get(
    '/withdrawals',
    { onRequest: read, schema: { tags: ['console'], summary: '提现申请列表', security: [{ staff: [] }], querystring: WithdrawalQuery, response: { 200: ConsoleWithdrawalPage, ...errors } } },
    async (request) => listConsoleWithdrawals(app.db, { status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/withdrawals/:id',
    { onRequest: read, schema: { tags: ['console'], summary: '提现详情（含每一步记录）', security: [{ staff: [] }], params: Params, response: { 200: ConsoleWithdrawalDetail, ...errors } } },
    async (request) => consoleWithdrawalDetail(app.db, request.params.id),
  );

  app.post(
    '/withdrawals/:id/approve',
    {
      onRequest: decide,
      schema: {
        tags: ['console'],
        summary: '批准提现（随即转账到微信零钱）',
        description: 'Only a requested withdrawal (409 WITHDRAWAL_DECIDED otherwise). The transfer is sent at once and retried by the payout job.',
        security: [{ staff: [] }],
        params: Params,
        body: WithdrawalDecisionBody,
        response: { 200: ConsoleWithdrawalDetail, ...errors },
      },
    },
    async (request) => {
      await decideWithdrawal(app, { id: request.params.id, decision: 'approve', staffId: request.staffMember.id, note: request.body.note ?? '' });
      // Pay now rather than at the job's next tick; the job retries if this fails.
      await processDuePayouts(app).catch((err) => request.log.warn({ err }, 'payout will be retried by the job'));
      return consoleWithdrawalDetail(app.db, request.params.id);
    },
  );

  app.post(
    '/withdrawals/:id/reject',
    {
      onRequest: decide,
      schema: {
        tags: ['console'],
        summary: '拒绝提现（金额退回可提现余额）',
        security: [{ staff: [] }],
        params: Params,
        body: WithdrawalDecisionBody,
        response: { 200: ConsoleWithdrawalDetail, ...errors },
      },
    },
    async (request) => {
      await decideWithdrawal(app, { id: request.params.id, decision: 'reject', staffId: request.staffMember.id, note: request.body.note ?? '' });
      return consoleWithdrawalDetail(app.db, request.params.id);
    },
  );
};

export default withdrawalConsoleRoutes;
