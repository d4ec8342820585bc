import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@linli/shared/schemas/error';
import {
  CreatedShare,
  CreateShareBody,
  InviteePage,
  InviteesQuery,
  MyReferral,
  ShareId,
  ShareOpened,
  SharePoster,
  TimelineOpenBody,
  TimelineShareOpened,
} from '@linli/shared/schemas/referrals';
import { listInvitees, myReferral } from './my-referral';
import { optionalShopper } from './optional-shopper';
import { sharePoster } from './poster';
import { shareCodes } from './share-code';
import { createShare, openShare } from './shares';
import { openTimelineShare } from './timeline-shares';
import { perAddressAndDevice } from '../users/farming-limits';

const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** A share id never changes what it points at, so its code image may be kept for good by anyone. */
const codeForGood = 'public, max-age=31536000, immutable';
/** A QR code standing in while WeChat fails: keep it briefly, then ask again for the real code. */
const codeForNow = 'public, max-age=300';

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

  // An open binds a new shopper to the sharer: limited, so one device cannot bind a stream of fresh accounts.
  const shareOpenLimits = perAddressAndDevice(app, 'share-open', app.config.limits.shareOpens);
  app.post(
    '/shares/:shareId/open',
    {
      ...shareOpenLimits,
      schema: {
        tags: ['sharing'],
        summary: '打开分享',
        description: 'Token optional. Signed in, the viewer is recorded and may be bound to the sharer (first touch wins); without a token the open is anonymous.',
        security: [{}, { shopper: [] }],
        params: Type.Object({ shareId: ShareId }),
        response: { 200: ShareOpened, 401: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => openShare(app, request.params.shareId, await optionalShopper(request)),
  );

  app.post(
    '/shares/timeline-open',
    {
      ...shareOpenLimits,
      schema: {
        tags: ['sharing'],
        summary: '打开朋友圈分享',
        description:
          'A page shared to the timeline carries the sharer\'s invite code, not a share id. Mints the sharer\'s one timeline share of ' +
          'the target on its first open (the same id ever after), then opens it as /shares/:id/open does. Token optional. ' +
          '404 for an unknown invite code, a product off shelf or a group that does not exist.',
        security: [{}, { shopper: [] }],
        body: TimelineOpenBody,
        response: { 200: TimelineShareOpened, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => openTimelineShare(app, await optionalShopper(request), request.body),
  );

  app.get(
    '/shares/:shareId/poster',
    {
      onRequest: app.authenticateShopper,
      schema: {
        tags: ['sharing'],
        summary: '分享海报数据',
        description: 'Everything the canvas draws for one of the shopper\'s own shares. 404 for another shopper\'s share and for a product now off shelf.',
        security: [{ shopper: [] }],
        params: Type.Object({ shareId: ShareId }),
        response: { 200: SharePoster, ...errors },
      },
    },
    async (request) => sharePoster(app, request.shopperId, request.params.shareId),
  );

  const shareCode = shareCodes(app);
  app.get(
    '/shares/:shareId/code.png',
    {
      schema: {
        tags: ['sharing'],
        summary: '分享海报上的小程序码',
        description:
          'Public: the code is printed on a public poster and share ids are unguessable. A mini-program code (wxacode.getUnlimited, ' +
          'scene = share id) when WeChat is configured; otherwise, or while WeChat fails, a QR code to the h5 landing link.',
        security: [],
        params: Type.Object({ shareId: ShareId }),
        response: {
          200: { description: 'PNG image', content: { 'image/png': { schema: Type.String({ format: 'binary' }) } } },
          404: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const code = await shareCode(request.params.shareId);
      // A Buffer is sent as it is; the typed reply only knows the JSON bodies.
      return reply
        .type('image/png')
        .header('cache-control', code.final ? codeForGood : codeForNow)
        .header('x-content-type-options', 'nosniff')
        .send(code.png as never);
    },
  );
};

export default referralRoutes;
