import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app';
import { AppError } from '../../plugins/errors';
import { imageTypes, sniffImageType } from './image-type';

export const maxImageBytes = 2 * 1024 * 1024;

const errorCode = (err: unknown) => (err as { code?: unknown }).code;
const invalidUpload = () => new AppError(400, 'INVALID_UPLOAD', '上传的表单不完整，请重新上传');

/**
 * Takes the one image of a multipart request (≤ 2 MB, PNG / JPEG / WebP judged by its bytes) and
 * stores it under `folder`; resolves with the URL path it is served at. The scope must have
 * registered @fastify/multipart.
 */
export async function receiveImage(app: App, request: FastifyRequest, folder: string): Promise<string> {
  // Without a boundary the form cannot be read at all, and the parser's complaint is a plain Error.
  const contentType = request.headers['content-type'] ?? '';
  if (/^multipart\/form-data/i.test(contentType) && !/;\s*boundary=/i.test(contentType)) throw invalidUpload();
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
    if (['FST_FILES_LIMIT', 'FST_FIELDS_LIMIT', 'FST_PARTS_LIMIT'].includes(String(errorCode(err)))) {
      throw new AppError(413, 'TOO_MANY_PARTS', '一次只能上传一张图片，不带其他字段');
    }
    // The form ended inside the file (no closing boundary): a broken upload, not a server fault.
    if (errorCode(err) === 'ERR_STREAM_PREMATURE_CLOSE') throw invalidUpload();
    // Any other complaint of the multipart parser about the form (a field named `__proto__`, …) is
    // the client's too, and its FST_ code names our internals.
    const status = (err as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) throw invalidUpload();
    throw err;
  }
  const type = sniffImageType(bytes);
  if (!type) throw new AppError(415, 'UNSUPPORTED_IMAGE_TYPE', '只支持 PNG、JPEG、WebP 图片');
  // Named by content: the same picture uploaded twice is stored once, and a URL never changes meaning.
  const name = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return app.media.put(`${folder}/${name}.${imageTypes[type]}`, bytes, type);
}
