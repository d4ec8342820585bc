import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { EventBatch, EventsAccepted } from '@linli/shared/schemas/analytics';
import { ErrorBody } from '@linli/shared/schemas/error';
import { optionalShopper } from '../referrals/optional-shopper';
import { ingestEvents } from './ingest-events';

/**
 * Whose batches count together: a signed-in shopper's across devices, otherwise the caller's address.
 * A bad token counts against the address (the handler then refuses it with 401).
 */
async function sender(request: FastifyRequest): Promise<string> {
  const shopperId = await optionalShopper(request).catch(() => null);
  return shopperId ? `shopper:${shopperId}` : `ip:${request.ip}`;
}

/** Event ingestion from the mini-program. */
const analyticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/events',
    {
      config: { rateLimit: { max: app.config.analytics.batchesPerMinute, timeWindow: 60_000, keyGenerator: sender } },
      schema: {
        tags: ['analytics'],
        summary: '上报埋点事件（批量）',
        description:
          'Token optional. 1–50 events per batch; one invalid event (unknown or server-only name, wrong field, time outside the last 24 h) refuses the whole batch with 400 and stores nothing. Limited per shopper (or per address when signed out): 429 RATE_LIMITED.',
        security: [{}, { shopper: [] }],
        body: EventBatch,
        response: { 202: EventsAccepted, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const accepted = await ingestEvents(app, request.body, await optionalShopper(request));
      return reply.status(202).send({ accepted });
    },
  );
};

export default analyticsRoutes;
