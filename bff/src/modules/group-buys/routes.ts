import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { GroupDetail, ProductGroupBuys, RunningCampaigns, RunningCampaignsQuery } from '@linli/shared/schemas/group-buys';
import { catalogReadCache } from '../catalog/read-cache';
import { groupDetail } from './group-detail';
import { productGroupBuys } from './product-group-buys';
import { runningCampaigns } from './running-campaigns';

const Params = Type.Object({ id: Id });

/**
 * The shopper's public reads of group buys: no token, and nothing in them identifies a shopper (names
 * masked, no user ids, only paid seats). Opening and joining a group happen through order placement.
 */
const groupBuyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cache = catalogReadCache(app.db);

  // The home page asks on every visit: served through the catalog's one-second read cache.
  app.get(
    '/group-buys/campaigns',
    {
      schema: {
        tags: ['group-buys'],
        summary: '进行中的拼团活动（首页热门拼团：参团人数多的在前）',
        querystring: RunningCampaignsQuery,
        response: { 200: RunningCampaigns },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 6;
      return { items: await cache.read(`running-campaigns:${limit}`, () => runningCampaigns(app.database, limit, app.clock())) };
    },
  );

  app.get(
    '/products/:id/group-buys',
    {
      schema: {
        tags: ['group-buys'],
        summary: '商品的拼团活动与可参加的团（差人最少的在前）',
        description: 'An unknown or off-shelf product has no group buys: an empty list.',
        params: Params,
        response: { 200: ProductGroupBuys },
      },
    },
    async (request) => ({ items: await productGroupBuys(app.db, request.params.id, app.clock()) }),
  );

  app.get(
    '/group-buys/groups/:id',
    {
      schema: {
        tags: ['group-buys'],
        summary: '拼团详情（已付款成员，昵称打码）',
        params: Params,
        response: { 200: GroupDetail, 404: ErrorBody },
      },
    },
    async (request) => groupDetail(app.db, request.params.id),
  );
};

export default groupBuyRoutes;
