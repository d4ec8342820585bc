import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance } from 'fastify';
import { ErrorBody } from '@linli/shared/schemas/error';

/**
 * An expected failure with a stable code the clients can branch on. Thrown by services, turned into
 * `{ error: { code, message } }` by the one error handler below.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

export const notFound = (what = '资源') => new AppError(404, 'NOT_FOUND', `${what}不存在`);
export const forbidden = () => new AppError(403, 'FORBIDDEN', '没有权限执行此操作');
export const unauthorized = (message = '请先登录') => new AppError(401, 'UNAUTHORIZED', message);

/** Fastify's own failures, mapped to stable codes; anything else that is 4xx keeps its status. */
const fastifyCodes: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: '请求体不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: '请求体为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'INVALID_CONTENT_LENGTH', message: 'Content-Length 与请求体不符' },
};

function errorPlugin(app: FastifyInstance) {
  // Whatever a route declares, the handler below can also answer it with 400 (when it has input to
  // validate), 500 or 503. Declaring those here keeps the OpenAPI document honest and sends every
  // such reply through the one error shape.
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema?.response || typeof schema.response !== 'object') return;
    const validatesInput = Boolean(schema.body ?? schema.querystring ?? schema.params ?? schema.headers);
    schema.response = { ...(validatesInput ? { 400: ErrorBody } : {}), 500: ErrorBody, 503: ErrorBody, ...schema.response };
  });

  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
    }
    if (err.validation) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath || (v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : '')}`,
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: '请求参数不合法', details } });
    }
    const known = err.code ? fastifyCodes[err.code] : undefined;
    const status = err.statusCode ?? 500;
    if (known) return reply.status(status).send({ error: known });
    if (status >= 400 && status < 500) {
      // A library's own code (FST_…, ERR_…) names our internals and changes with a version bump.
      const code = err.code && !/^(FST_|ERR_)/.test(err.code) ? err.code : 'BAD_REQUEST';
      return reply.status(status).send({ error: { code, message: err.message } });
    }
    const lost = lostConnection(err);
    if (lost) {
      // An outage, not a bug: the client is told to come back shortly (the mini-program and WeChat
      // Pay both retry). The log gets the driver's error alone: the wrapping query error would also
      // log the query's parameters, shoppers' addresses among them.
      request.log.warn({ err: { code: lost.code, message: lost.message } }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '1')
        .send({ error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } });
    }
    // Unexpected: log everything with the request's context, show nothing of it to the client.
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: `服务器内部错误（请求 ${request.id}）` } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: `没有这个接口：${request.method} ${request.url.split('?')[0]}` } }),
  );
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  '57P01' /* admin_shutdown: pg_terminate_backend, or the server stopping */,
  '57P02' /* crash_shutdown */,
  '57P03' /* cannot_connect_now: the server is starting or stopping */,
]);

/**
 * Connection-level failures mean "try again later", not "we have a bug". drizzle wraps a failed
 * query in a DrizzleQueryError whose `cause` holds the driver's error, so the chain is followed.
 */
function lostConnection(err: unknown): { code: string; message: string } | null {
  for (let current = err, depth = 0; current && typeof current === 'object' && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && unavailableCodes.has(code)) return { code, message: String(message) };
  }
  return null;
}

export default fp(errorPlugin, { name: 'errors' });
