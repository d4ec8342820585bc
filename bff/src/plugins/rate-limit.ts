import fp from 'fastify-plugin';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/**
 * Where the counters live. Unset: in this process's memory, so each instance counts on its own. A
 * shared store (e.g. `{ redis }` once REDIS_URL is used) is passed through unchanged.
 */
export type RateLimitStoreOptions = Pick<RateLimitPluginOptions, 'redis' | 'store' | 'nameSpace' | 'skipOnError'>;

/**
 * @fastify/rate-limit for the routes that ask for it (`config.rateLimit`); none is limited by default.
 * A route over its limit answers 429 in the one error shape, with Retry-After.
 */
async function rateLimitPlugin(app: FastifyInstance, opts: RateLimitStoreOptions) {
  await app.register(rateLimit, {
    ...opts,
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(context.statusCode, 'RATE_LIMITED', `请求过于频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
  });
}

export default fp(rateLimitPlugin, { name: 'rate-limit' });
