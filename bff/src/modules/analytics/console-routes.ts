import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Metrics, MetricsQuery } from '@linli/shared/schemas/analytics';
import { ErrorBody } from '@linli/shared/schemas/error';
import { metricRange } from './metric-range';
import { shopMetrics } from './metrics';

/** The dashboard's figures. Formulas, sources and edge cases: docs/metrics.md. */
const analyticsConsoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/metrics',
    {
      onRequest: app.requirePermission('analytics.read'),
      schema: {
        tags: ['console', 'analytics'],
        summary: '经营数据（按天）',
        description: 'Days are Asia/Shanghai calendar days, `from` and `to` inclusive, at most 92 days. Money in fen; rates 0..1 rounded to 4 places, null when the denominator is 0.',
        security: [{ staff: [] }],
        querystring: MetricsQuery,
        response: { 200: Metrics, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => shopMetrics(app, metricRange(request.query)),
  );
};

export default analyticsConsoleRoutes;
