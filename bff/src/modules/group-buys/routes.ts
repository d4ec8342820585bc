import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Id } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { GroupDetail, ProductGroupBuys } from '@linli/shared/schemas/group-buys';
import { groupDetail } from './group-detail';
import { productGroupBuys } from './product-group-buys';

const Params = Type.Object({ id: Id });

/**
 * The shopper's public reads of group buys: no token, and nothing in them identifies a shopper (names
 * masked, no user ids, only paid seats). Opening and joining a group happen through order placement.
 */
const groupBuyRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
