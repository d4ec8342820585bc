import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id } from '@linli/shared/schemas/common';
import { CouponCentre, MyCoupon, MyCouponPage, MyCouponsQuery } from '@linli/shared/schemas/coupons';
import { ErrorBody } from '@linli/shared/schemas/error';
import { claimCoupon, listCentre } from './claim-centre';
import { listMyCoupons } from './my-coupons';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The shopper's side of coupons: the claim centre and their own coupons, always scoped to them. */
const couponRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticateShopper);

  app.get(
    '/coupons/centre',
    { schema: { tags: ['coupons'], summary: '领券中心', security: [{ shopper: [] }], response: { 200: CouponCentre, ...errors } } },
    async (request) => ({ items: await listCentre(app, request.shopperId) }),
  );

  app.post(
    '/coupons/centre/:templateId/claim',
    {
      schema: {
        tags: ['coupons'],
        summary: '领取优惠券',
        description: 'Answers 409 COUPON_OUT_OF_STOCK, COUPON_LIMIT_REACHED or COUPON_NOT_AVAILABLE when the coupon cannot be claimed.',
        security: [{ shopper: [] }],
        params: Type.Object({ templateId: Id }),
        response: { 201: MyCoupon, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await claimCoupon(app, request.shopperId, request.params.templateId)),
  );

  app.get(
    '/coupons/mine',
    { schema: { tags: ['coupons'], summary: '我的优惠券', security: [{ shopper: [] }], querystring: MyCouponsQuery, response: { 200: MyCouponPage, ...errors } } },
    async (request) =>
      listMyCoupons(app.db, { userId: request.shopperId, status: request.query.status, cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );
};

export default couponRoutes;
