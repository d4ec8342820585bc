import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Ok } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { DevLoginBody, RefreshBody, ShopperSession, TokenPair, WechatLoginBody } from '@linli/shared/schemas/auth';
import type { Transaction } from '../../db/client';
import { toProfile } from './profile';
import { createRefreshTokenStore, rotationFailure } from './tokens';
import { issueNewUserGifts } from '../coupons/issue-coupon';
import { createUsersRepository, type LoggedInUser } from './users-repository';
import { callWechat } from './wechat-failure';
import { perAddressAndDevice } from './farming-limits';

/** Shopper login (WeChat, or dev-login for the h5 build), token refresh and logout. */
const shopperAuthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const users = createUsersRepository(app.db, app.clock);
  const tokens = createRefreshTokenStore(app.db, { ttlDays: app.config.auth.refreshTtlDays, clock: app.clock });
  const expiresIn = app.config.auth.accessTtlSeconds;

  async function startSession(findOrCreateUser: (tx: Transaction) => Promise<LoggedInUser>): Promise<ShopperSession> {
    const { user, refreshToken } = await app.db.transaction(async (tx) => {
      const found = await findOrCreateUser(tx);
      if (found.firstLogin) await issueNewUserGifts(tx, found.id, app.clock());
      return { user: found, refreshToken: await tokens.issue('shopper', found.id, tx) };
    });
    return { accessToken: app.signShopperToken(user.id), refreshToken, expiresIn, user: toProfile(user) };
  }

  app.post(
    '/auth/wechat-login',
    {
      // The first sign-in creates the account: limited, or one phone signs up an army of invitees.
      ...perAddressAndDevice(app, 'sign-in', app.config.limits.signIns),
      schema: {
        tags: ['auth'],
        summary: '微信登录：wx.login 的 code 换取令牌',
        description: 'Limited per address and per device (X-Device-Id): 429 RATE_LIMITED.',
        body: WechatLoginBody,
        response: { 200: ShopperSession, 400: ErrorBody, 403: ErrorBody, 429: ErrorBody, 502: ErrorBody },
      },
    },
    async (request) => {
      // Only the identity is taken from the session: the session key stays inside this call.
      const { openid, unionid } = await callWechat(request.log, () => app.wechat.code2Session(request.body.code));
      return startSession((tx) => users.upsertByOpenid({ openid, unionid }, tx));
    },
  );

  if (app.config.auth.devLogin) {
    app.post(
      '/auth/dev-login',
      {
        schema: {
          tags: ['auth'],
          summary: '开发登录（仅开发环境，h5 调试用）',
          body: DevLoginBody,
          response: { 200: ShopperSession, 400: ErrorBody },
        },
      },
      async (request) => startSession((tx) => users.upsertByDevLogin(request.body.name, tx)),
    );
  }

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: '刷新令牌（旧的刷新令牌随即失效）',
        body: RefreshBody,
        response: { 200: TokenPair, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request) => {
      const rotation = await tokens.rotate('shopper', request.body.refreshToken);
      if (!rotation.ok) {
        if (rotation.reason === 'reused') request.log.warn('shopper refresh token reused: family revoked');
        throw rotationFailure(rotation.reason);
      }
      return { accessToken: app.signShopperToken(rotation.subjectId), refreshToken: rotation.refreshToken, expiresIn };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: '退出登录（该登录的所有刷新令牌失效）',
        body: RefreshBody,
        response: { 200: Ok, 400: ErrorBody },
      },
    },
    async (request) => {
      await tokens.revokeFamilyOf('shopper', request.body.refreshToken);
      return { ok: true as const };
    },
  );
};

export default shopperAuthRoutes;
