import fp from 'fastify-plugin';
import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { AppError } from './errors';

/**
 * Where the counters live. Unset: in this process's memory, so each instance counts on its own. A
 * shared store (`{ redis }` from REDIS_URL, see connectRateLimitRedis) is passed through unchanged.
 */
export type RateLimitStoreOptions = Pick<RateLimitPluginOptions, 'redis' | 'store' | 'nameSpace' | 'skipOnError'>;

/** Over a limit, in the one error shape: the client waits `seconds` (at least one) and tries again. */
export const rateLimited = (seconds: number) => new AppError(429, 'RATE_LIMITED', `请求过于频繁，请 ${Math.max(1, Math.ceil(seconds))} 秒后再试`);

/**
 * @fastify/rate-limit for the routes that ask for it (`config.rateLimit`); none is limited by default.
 * A route over its limit answers 429 in the one error shape, with Retry-After.
 */
async function rateLimitPlugin(app: FastifyInstance, opts: RateLimitStoreOptions) {
  await app.register(rateLimit, {
    ...opts,
    global: false,
    errorResponseBuilder: (_request, context) => rateLimited(context.ttl / 1000),
  });
}

export default fp(rateLimitPlugin, { name: 'rate-limit' });

/**
 * Counters every instance shares, in the Redis at `url`; the connection closes with the app.
 *
 * Boot waits for Redis and fails when it cannot be reached, so a wrong REDIS_URL stops a deploy
 * instead of quietly limiting nothing. Once running, a Redis outage fails OPEN: the limits guard
 * against abuse, not correctness (stock, coupons and seats are guarded by the database), and a shop
 * that refuses every shopper because its counter store is down loses more than it protects. No
 * offline queue and a short command timeout keep a request from waiting on a Redis that is gone.
 */
export async function connectRateLimitRedis(app: FastifyInstance, url: string): Promise<RateLimitStoreOptions> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 500, maxRetriesPerRequest: 1 });
  redis.on('error', (err: Error) => app.log.warn({ err }, 'rate-limit Redis unavailable; limits are not enforced until it is back'));
  await redis.connect().catch((err: unknown) => {
    redis.disconnect();
    throw err;
  });
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return { redis, nameSpace: 'linli-rate-limit:', skipOnError: true };
}
