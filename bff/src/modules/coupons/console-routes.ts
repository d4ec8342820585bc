import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CursorQuery, Id } from '@linli/shared/schemas/common';
import {
  CouponTemplate,
  CouponTemplatePage,
  CouponTemplateUsage,
  CreateCouponTemplateBody,
  PushCouponBody,
  PushResult,
  UpdateCouponTemplateBody,
} from '@linli/shared/schemas/coupons';
import { ErrorBody } from '@linli/shared/schemas/error';
import { createTemplate, listTemplates, templateUsage, updateTemplate } from './coupon-templates';
import { pushCoupon } from './push-coupon';

const Params = Type.Object({ id: Id });
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Coupon templates and pushes in the merchant console. Who may do what: docs/roles.md. */
const couponConsoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requirePermission('coupons.read');
  const manage = app.requirePermission('coupons.manage');

  app.get(
    '/coupon-templates',
    {
      onRequest: read,
      schema: {
        tags: ['console'],
        summary: '优惠券模板列表',
        security: [{ staff: [] }],
        querystring: Type.Object(CursorQuery, { additionalProperties: false }),
        response: { 200: CouponTemplatePage, ...errors },
      },
    },
    async (request) => listTemplates(app.db, { cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/coupon-templates',
    {
      onRequest: manage,
      schema: { tags: ['console'], summary: '新建优惠券模板', security: [{ staff: [] }], body: CreateCouponTemplateBody, response: { 201: CouponTemplate, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createTemplate(app.db, request.body)),
  );

  app.patch(
    '/coupon-templates/:id',
    {
      onRequest: manage,
      schema: {
        tags: ['console'],
        summary: '修改优惠券模板（标题、上下线、是否在领券中心、增加库存）',
        description: 'Stock only grows: 409 COUPON_STOCK_CANNOT_SHRINK otherwise.',
        security: [{ staff: [] }],
        params: Params,
        body: UpdateCouponTemplateBody,
        response: { 200: CouponTemplate, ...errors },
      },
    },
    async (request) => updateTemplate(app, request.params.id, request.body),
  );

  app.get(
    '/coupon-templates/:id/usage',
    {
      onRequest: read,
      schema: { tags: ['console'], summary: '优惠券发放与使用情况', security: [{ staff: [] }], params: Params, response: { 200: CouponTemplateUsage, ...errors } },
    },
    async (request) => templateUsage(app.db, request.params.id),
  );

  app.post(
    '/coupon-templates/:id/push',
    {
      onRequest: manage,
      schema: {
        tags: ['console'],
        summary: '向指定用户发券',
        description: 'One result per user: a refusal for one user does not undo the coupons of the others.',
        security: [{ staff: [] }],
        params: Params,
        body: PushCouponBody,
        response: { 200: PushResult, ...errors },
      },
    },
    async (request) => pushCoupon(app, request.params.id, request.body.userIds),
  );
};

export default couponConsoleRoutes;
