import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { PerMinute } from '../../config';
import { rateLimited } from '../../plugins/rate-limit';

/** A client-made id the app keeps in storage; it only tells one device from another, so it is never trusted alone. */
export function deviceOf(request: FastifyRequest): string | null {
  const id = request.headers['x-device-id'];
  return typeof id === 'string' && /^[\w-]{8,64}$/.test(id) ? id : null;
}

/**
 * Route options limiting one action per minute from one address and, when the client names its device,
 * from one device. Sign-ups and referral bindings are farmed from one phone or one machine; the address
 * limit is the generous one (a carrier NAT puts many shoppers behind one address), and a farmer who
 * makes up a new device id for every call still meets it.
 */
export function perAddressAndDevice(app: FastifyInstance, action: string, limit: PerMinute): {
  config: { rateLimit: { max: number; timeWindow: number; keyGenerator: (request: FastifyRequest) => string } };
  onRequest: onRequestAsyncHookHandler;
} {
  // The plugin runs one route limiter per request, so the device count is kept by a limiter of its own.
  const perDevice = app.createRateLimit({
    max: limit.perDevice,
    timeWindow: 60_000,
    keyGenerator: (request) => `${action}:device:${deviceOf(request)}`,
    allowList: (request) => deviceOf(request) === null,
  });
  return {
    config: { rateLimit: { max: limit.perIp, timeWindow: 60_000, keyGenerator: (request) => `${action}:ip:${request.ip}` } },
    onRequest: async (request, reply) => {
      const outcome = await perDevice(request);
      if (outcome.isAllowed || !outcome.isExceeded) return;
      reply.header('retry-after', outcome.ttlInSeconds);
      throw rateLimited(outcome.ttlInSeconds);
    },
  };
}
