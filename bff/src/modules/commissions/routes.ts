import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@linli/shared/schemas/error';
import { CommissionPage, CommissionQuery, LedgerPage, LedgerQuery, PromoterApplication, PromoterMe } from '@linli/shared/schemas/promoters';
import { promoterLedger } from '../ledger/balances';
import { listMyCommissions, promoterMe } from './commission-views';
import { applyAsPromoter, requirePromoterCentre } from './promoters';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The promoter's own pages. Everything read here is the signed-in shopper's own. */
const promoterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticateShopper);
  const promotersOnly = async (request: { shopperId: string }) => requirePromoterCentre(app.db, request.shopperId);

  app.get(
    '/promoter/me',
    {
      schema: {
        tags: ['promoters'],
        summary: '我的推广员身份、余额与邀请人数',
        description: 'Open to every shopper: it says whether I am a promoter, and in approved mode what became of my application.',
        security: [{ shopper: [] }],
        response: { 200: PromoterMe, ...errors },
      },
    },
    async (request) => promoterMe(app, request.shopperId),
  );

  app.post(
    '/promoter/apply',
    {
      schema: {
        tags: ['promoters'],
        summary: '申请成为推广员',
        description: "Only in 'approved' mode. Applying again while waiting returns the same application; after a rejection it queues again. 409 ALREADY_PROMOTER when I already am one.",
        security: [{ shopper: [] }],
        response: { 200: PromoterApplication, ...errors },
      },
    },
    async (request) => applyAsPromoter(app, request.shopperId),
  );

  app.get(
    '/promoter/commissions',
    {
      preHandler: promotersOnly,
      schema: {
        tags: ['promoters'],
        summary: '我的佣金明细',
        description: '403 NOT_PROMOTER when I am not a promoter.',
        security: [{ shopper: [] }],
        querystring: CommissionQuery,
        response: { 200: CommissionPage, ...errors },
      },
    },
    async (request) => listMyCommissions(app.db, { userId: request.shopperId, status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );

  app.get(
    '/promoter/ledger',
    {
      preHandler: promotersOnly,
      schema: {
        tags: ['promoters'],
        summary: '我的账户流水（复式记账分录）',
        description: '403 NOT_PROMOTER when I am not a promoter.',
        security: [{ shopper: [] }],
        querystring: LedgerQuery,
        response: { 200: LedgerPage, ...errors },
      },
    },
    async (request) => promoterLedger(app.db, { userId: request.shopperId, cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );
};

export default promoterRoutes;
