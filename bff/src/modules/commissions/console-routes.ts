import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import {
  CommissionRateBody,
  ConsoleLedgerPage,
  ConsolePromoter,
  ConsolePromoterPage,
  ConsolePromoterQuery,
  LedgerQuery,
  ProductCommissionRate,
  ProductRatePage,
  ProductRateQuery,
  PromoterDecisionBody,
  ReferralSettings,
  ReferralWindows,
} from '@linli/shared/schemas/promoters';
import { notFound } from '../../plugins/errors';
import { promoterLedger } from '../ledger/balances';
import { users } from '../users/tables';
import { withOrders } from './console-ledger';
import { decidePromoter, listPromoters, type PromoterDecision } from './promoters';
import { clearProductRate, listProductRates, productRate, setProductRate } from './rates';
import { loadReferralSettings, saveReferralSettings } from './settings';

const ProductParams = Type.Object({ productId: Id });
const UserParams = Type.Object({ userId: Id });
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Referral settings, commission rates and promoters in the merchant console. Who may do what: docs/roles.md. */
const commissionConsoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requirePermission('referrals.read');
  const manage = app.requirePermission('referrals.manage');

  app.get(
    '/referral-settings',
    { onRequest: read, schema: { tags: ['console'], summary: '分销设置', security: [{ staff: [] }], response: { 200: ReferralSettings, ...errors } } },
    async () => loadReferralSettings(app.db),
  );

  app.put(
    '/referral-settings',
    {
      onRequest: manage,
      schema: {
        tags: ['console'],
        summary: '修改分销设置（推广员模式、一二级佣金比例、最低提现金额）',
        description: 'Rates are basis points (1000 = 10%). New rates apply to orders paid from now on; commissions already recorded keep theirs.',
        security: [{ staff: [] }],
        body: ReferralSettings,
        response: { 200: ReferralSettings, ...errors },
      },
    },
    async (request) => saveReferralSettings(app.db, { settings: request.body, staffId: request.staffMember.id, now: app.clock() }),
  );

  app.get(
    '/referral-settings/windows',
    {
      onRequest: read,
      schema: {
        tags: ['console'],
        summary: '绑定期与结算期（由服务配置决定，只读）',
        description: 'REFERRAL_BINDING_DAYS and RETURN_WINDOW_DAYS, shown beside the settings staff can change.',
        security: [{ staff: [] }],
        response: { 200: ReferralWindows, ...errors },
      },
    },
    async () => ({ bindingDays: app.config.referrals.bindingDays, settlementDays: app.config.orders.returnWindowDays, maxLevels: 2 as const }),
  );

  app.get(
    '/product-commission-rates',
    {
      onRequest: read,
      schema: {
        tags: ['console'],
        summary: '设置了专属佣金比例的商品',
        security: [{ staff: [] }],
        querystring: ProductRateQuery,
        response: { 200: ProductRatePage, ...errors },
      },
    },
    async (request) => listProductRates(app.db, { cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/products/:productId/commission-rate',
    {
      onRequest: read,
      schema: { tags: ['console'], summary: '商品佣金比例（null 表示使用默认比例）', security: [{ staff: [] }], params: ProductParams, response: { 200: ProductCommissionRate, ...errors } },
    },
    async (request) => productRate(app.db, request.params.productId),
  );

  app.put(
    '/products/:productId/commission-rate',
    {
      onRequest: manage,
      schema: {
        tags: ['console'],
        summary: '设置商品佣金比例（覆盖默认比例）',
        security: [{ staff: [] }],
        params: ProductParams,
        body: CommissionRateBody,
        response: { 200: ProductCommissionRate, ...errors },
      },
    },
    async (request) => setProductRate(app.db, request.params.productId, request.body, app.clock()),
  );

  app.delete(
    '/products/:productId/commission-rate',
    {
      onRequest: manage,
      schema: { tags: ['console'], summary: '恢复商品为默认佣金比例', security: [{ staff: [] }], params: ProductParams, response: { 200: ProductCommissionRate, ...errors } },
    },
    async (request) => clearProductRate(app.db, request.params.productId),
  );

  app.get(
    '/promoters',
    {
      onRequest: read,
      schema: { tags: ['console'], summary: '推广员与申请', security: [{ staff: [] }], querystring: ConsolePromoterQuery, response: { 200: ConsolePromoterPage, ...errors } },
    },
    async (request) => listPromoters(app.db, { status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );

  const decisionRoutes: Array<{ decision: PromoterDecision; summary: string; description: string }> = [
    { decision: 'approve', summary: '批准推广员', description: 'From applied, rejected or revoked; also a user who never applied. 409 when already approved.' },
    { decision: 'reject', summary: '拒绝推广员申请', description: 'Only an application waiting for a decision; 409 otherwise.' },
    { decision: 'revoke', summary: '撤销推广员资格', description: 'Only an approved promoter; in approved mode they stop earning on orders paid from now on.' },
  ];
  for (const { decision, summary, description } of decisionRoutes) {
    app.post(
      `/promoters/:userId/${decision}`,
      {
        onRequest: manage,
        schema: { tags: ['console'], summary, description, security: [{ staff: [] }], params: UserParams, body: PromoterDecisionBody, response: { 200: ConsolePromoter, ...errors } },
      },
      async (request) => decidePromoter(app, { userId: request.params.userId, decision, staffId: request.staffMember.id, note: request.body.note ?? '' }),
    );
  }

  app.get(
    '/promoters/:userId/ledger',
    {
      onRequest: read,
      schema: {
        tags: ['console'],
        summary: '推广员账户流水',
        security: [{ staff: [] }],
        params: UserParams,
        querystring: LedgerQuery,
        response: { 200: ConsoleLedgerPage, ...errors },
      },
    },
    async (request) => {
      const [user] = await app.db.select({ id: users.id }).from(users).where(eq(users.id, request.params.userId));
      if (!user) throw notFound('用户');
      return withOrders(app.db, await promoterLedger(app.db, { userId: request.params.userId, cursor: request.query.cursor, limit: request.query.limit ?? 20 }));
    },
  );
};

export default commissionConsoleRoutes;
