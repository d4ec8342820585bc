import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Me } from '@linli/shared/schemas/auth';
import { ErrorBody } from '@linli/shared/schemas/error';
import { maxImageBytes, receiveImage } from '../catalog/receive-image';
import { unauthorized } from '../../plugins/errors';
import { toProfile } from './profile';
import { createUsersRepository } from './users-repository';

/**
 * The shopper's own avatar as an upload. WeChat's avatar chooser hands the mini-program a temporary
 * local file, which means nothing to anyone else until it is stored here.
 */
const avatarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, { limits: { fileSize: maxImageBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 } });
  const users = createUsersRepository(app.db, app.clock);

  app.post(
    '/me/avatar',
    {
      onRequest: app.authenticateShopper,
      schema: {
        tags: ['auth'],
        summary: '上传头像（multipart，单个文件 ≤ 2 MB，PNG / JPEG / WebP）',
        security: [{ shopper: [] }],
        consumes: ['multipart/form-data'],
        response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request) => {
      const avatarUrl = await receiveImage(app, request, 'avatars');
      const user = await users.updateProfile(request.shopperId, { avatarUrl });
      if (!user) throw unauthorized('账号不存在，请重新登录');
      return toProfile(user);
    },
  );
};

export default avatarRoutes;
