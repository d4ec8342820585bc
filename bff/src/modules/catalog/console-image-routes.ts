import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UploadedImage } from '@linli/shared/schemas/catalog-console';
import { ErrorBody } from '@linli/shared/schemas/error';
import { receiveImage } from './receive-image';

export { maxImageBytes } from './receive-image';

const consoleImageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/images',
    {
      onRequest: app.requirePermission('catalog.write'),
      schema: {
        tags: ['console'],
        summary: '上传商品图片（multipart，单个文件 ≤ 2 MB，PNG / JPEG / WebP）',
        security: [{ staff: [] }],
        consumes: ['multipart/form-data'],
        response: { 201: UploadedImage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => reply.status(201).send({ url: await receiveImage(app, request, 'uploads') }),
  );
};

export default consoleImageRoutes;
