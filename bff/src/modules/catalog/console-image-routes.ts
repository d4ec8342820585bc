import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UploadedImage } from '@linli/shared/schemas/catalog-console';
import { ErrorBody } from '@linli/shared/schemas/error';
import { AppError } from '../../plugins/errors';
import { imageTypes, sniffImageType } from './image-type';

export const maxImageBytes = 2 * 1024 * 1024;

const errorCode = (err: unknown) => (err as { code?: unknown }).code;

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
    async (request, reply) => {
      let bytes: Buffer;
      try {
        const file = await request.file({ limits: { fileSize: maxImageBytes, files: 1 } });
        if (!file) throw new AppError(400, 'NO_FILE', '请选择要上传的图片');
        bytes = await file.toBuffer();
      } catch (err) {
        if (errorCode(err) === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'IMAGE_TOO_LARGE', '图片不能超过 2 MB');
        if (errorCode(err) === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
          throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传图片');
        }
        throw err;
      }
      const type = sniffImageType(bytes);
      if (!type) throw new AppError(415, 'UNSUPPORTED_IMAGE_TYPE', '只支持 PNG、JPEG、WebP 图片');
      // Named by content: the same picture uploaded twice is stored once, and a URL never changes meaning.
      const name = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
      const url = await app.media.put(`uploads/${name}.${imageTypes[type]}`, bytes, type);
      return reply.status(201).send({ url });
    },
  );
};

export default consoleImageRoutes;
