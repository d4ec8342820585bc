import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@linli/shared/schemas/error';
import { BindPhoneBody, Me, UpdateMeBody } from '@linli/shared/schemas/auth';
import { unauthorized } from '../../plugins/errors';
import { toProfile } from './profile';
import { createUsersRepository, type User } from './users-repository';
import { callWechat } from './wechat-failure';

/** The signed-in shopper's own account. Every query is keyed by the token's subject, never by input. */
const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const users = createUsersRepository(app.db, app.clock);
  const signedIn = { onRequest: app.authenticateShopper };
  const security = [{ shopper: [] }];

  // A valid token for an account that no longer exists is a dead session, not a missing page.
  function present(user: User | null) {
    if (!user) throw unauthorized('账号不存在，请重新登录');
    return toProfile(user);
  }

  app.get(
    '/me',
    {
      ...signedIn,
      schema: { tags: ['auth'], summary: '我的资料', security, response: { 200: Me, 401: ErrorBody, 403: ErrorBody } },
    },
    async (request) => present(await users.findById(request.shopperId)),
  );

  app.patch(
    '/me',
    {
      ...signedIn,
      schema: {
        tags: ['auth'],
        summary: '修改昵称或头像（用户自行填写）',
        security,
        body: UpdateMeBody,
        response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => present(await users.updateProfile(request.shopperId, request.body)),
  );

  app.post(
    '/me/phone',
    {
      ...signedIn,
      schema: {
        tags: ['auth'],
        summary: '绑定手机号（getPhoneNumber 按钮的 code）',
        security,
        body: BindPhoneBody,
        response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody, 502: ErrorBody },
      },
    },
    async (request) => {
      const phone = await callWechat(request.log, () => app.wechat.getPhoneNumber(request.body.code));
      return present(await users.setPhone(request.shopperId, phone.phoneNumber));
    },
  );
};

export default meRoutes;
