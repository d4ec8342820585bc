import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@linli/shared/schemas/error';

/** /healthz: the process answers. /readyz: it can also reach its database (load balancers route on this). */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['ops'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['ops'],
        response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }), 503: ErrorBody },
      },
    },
    async (request, reply) => {
      try {
        await app.database.ping();
        return { status: 'ready' as const, database: app.database.kind };
      } catch (err) {
        // The load balancer only sees 503; the reason is for whoever is paged.
        request.log.warn({ err }, 'not ready: database ping failed');
        return reply.status(503).send({ error: { code: 'NOT_READY', message: '数据库不可用' } });
      }
    },
  );
};

export default healthRoutes;
