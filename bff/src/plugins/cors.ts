import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * Cross-origin calls from the origins in CORS_ORIGINS only (an h5 build hosted elsewhere). The console
 * and the h5 build served by the BFF are same-origin and need none; with the list empty no origin is
 * allowed. Tokens travel in the Authorization header, never in cookies, so credentials stay off.
 */
async function corsPlugin(app: FastifyInstance) {
  await app.register(cors, {
    origin: app.config.http.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'x-device-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}

export default fp(corsPlugin, { name: 'cors' });
