import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CursorQuery, Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import {
  CampaignGroupsQuery,
  CreateGroupCampaignBody,
  GroupCampaign,
  GroupCampaignPage,
  MonitoredGroupPage,
  UpdateGroupCampaignBody,
} from '@linli/shared/schemas/group-buys';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns';
import { campaignGroups } from './group-monitor';

const Params = Type.Object({ id: Id });
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Group-buy campaigns and the live group monitor in the merchant console. Who may do what: docs/roles.md. */
const groupBuyConsoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const read = app.requirePermission('campaigns.read');
  const manage = app.requirePermission('campaigns.manage');

  app.get(
    '/group-campaigns',
    {
      onRequest: read,
      schema: {
        tags: ['console'],
        summary: '拼团活动列表（含各状态的团数）',
        security: [{ staff: [] }],
        querystring: Type.Object(CursorQuery, { additionalProperties: false }),
        response: { 200: GroupCampaignPage, ...errors },
      },
    },
    async (request) => listCampaigns(app.db, { cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/group-campaigns',
    {
      onRequest: manage,
      schema: {
        tags: ['console'],
        summary: '新建拼团活动',
        description: 'Answers 400 INVALID_GROUP_CAMPAIGN with one detail per broken rule (SKU not of the product, group price not below the SKU price, leader price above the group price, window).',
        security: [{ staff: [] }],
        body: CreateGroupCampaignBody,
        response: { 201: GroupCampaign, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(app, request.body)),
  );

  app.get(
    '/group-campaigns/:id',
    {
      onRequest: read,
      schema: { tags: ['console'], summary: '拼团活动详情', security: [{ staff: [] }], params: Params, response: { 200: GroupCampaign, ...errors } },
    },
    async (request) => getCampaign(app.db, request.params.id),
  );

  app.patch(
    '/group-campaigns/:id',
    {
      onRequest: manage,
      schema: {
        tags: ['console'],
        summary: '修改拼团活动（标题、上下线、延长结束时间）',
        description: 'The end only moves later: 409 CAMPAIGN_END_ONLY_LATER otherwise.',
        security: [{ staff: [] }],
        params: Params,
        body: UpdateGroupCampaignBody,
        response: { 200: GroupCampaign, ...errors },
      },
    },
    async (request) => updateCampaign(app, request.params.id, request.body),
  );

  app.get(
    '/group-campaigns/:id/groups',
    {
      onRequest: read,
      schema: {
        tags: ['console'],
        summary: '拼团监控：活动下的团、成员与剩余时间',
        security: [{ staff: [] }],
        params: Params,
        querystring: CampaignGroupsQuery,
        response: { 200: MonitoredGroupPage, ...errors },
      },
    },
    async (request) =>
      campaignGroups(app.db, {
        campaignId: request.params.id,
        status: request.query.status,
        cursor: request.query.cursor,
        limit: request.query.limit ?? 20,
        now: app.clock(),
      }),
  );
};

export default groupBuyConsoleRoutes;
