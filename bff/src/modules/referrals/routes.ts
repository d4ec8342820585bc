import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@linli/shared/schemas/error';
import { CreatedShare, CreateShareBody, InviteePage, InviteesQuery, MyReferral, ShareId, ShareOpened } from '@linli/shared/schemas/referrals';
import { listInvitees, myReferral } from './my-referral';
import { optionalShopper } from './optional-shopper';
import { createShare, openShare } from './shares';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Sharing and invitations, shopper side. Everything a shopper reads here is their own. */
const referralRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/referrals/me',
    {
      onRequest: app.authenticateShopper,
      schema: { tags: ['sharing'], summary: '我的邀请码与邀请人', security: [{ shopper: [] }], response: { 200: MyReferral, ...errors } },
    },
    async (request) => myReferral(app, request.shopperId),
  );

  app.get(
    '/referrals/invitees',
    {
      onRequest: app.authenticateShopper,
      schema: { tags: ['sharing'], summary: '我邀请的人', security: [{ shopper: [] }], querystring: InviteesQuery, response: { 200: InviteePage, ...errors } },
    },
    async (request) => listInvitees(app, { inviterId: request.shopperId, cursor: request.query.cursor, limit: request.query.limit ?? 20 }),
  );

  app.post(
    '/shares',
    {
      onRequest: app.authenticateShopper,
      schema: {
        tags: ['sharing'],
        summary: '生成分享',
        description: 'Mints a share id for the share card, timeline share or poster. 404 when the product is off shelf or the group does not exist.',
        security: [{ shopper: [] }],
        body: CreateShareBody,
        response: { 201: CreatedShare, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createShare(app, request.shopperId, request.body)),
  );

  app.post(
    '/shares/:shareId/open',
    {
      schema: {
        tags: ['sharing'],
        summary: '打开分享',
        description: 'Token optional. Signed in, the viewer is recorded and may be bound to the sharer (first touch wins); without a token the open is anonymous.',
        security: [{}, { shopper: [] }],
        params: Type.Object({ shareId: ShareId }),
        response: { 200: ShareOpened, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => openShare(app, request.params.shareId, await optionalShopper(request)),
  );
};

export default referralRoutes;
