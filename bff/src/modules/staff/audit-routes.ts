import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { StaffActionPage, StaffActionQuery } from '@linli/shared/schemas/audit';
import { ErrorBody } from '@linli/shared/schemas/error';
import { shanghaiDayBounds } from '@linli/shared/shanghai-time';
import { AppError } from '../../plugins/errors';
import { createStaffActionLog } from './staff-action-log';

/** The owner reads the audit log that audit-log.ts writes. */
const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const log = createStaffActionLog(app.db);

  app.get(
    '/audit-log',
    {
      onRequest: app.requirePermission('staff.manage'),
      schema: {
        tags: ['console'],
        summary: '操作日志',
        description:
          'Newest first. Every console change (allowed or refused with 403), sign-in attempt and sign-out. `from` and `to` are Asia/Shanghai days, both inclusive; `action` matches part of the action’s name.',
        security: [{ staff: [] }],
        querystring: StaffActionQuery,
        response: { 200: StaffActionPage, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const { staffId, from, to, action, cursor, limit } = request.query;
      const start = from ? shanghaiDayBounds(from).start : undefined;
      const end = to ? shanghaiDayBounds(to).end : undefined;
      if (start && end && end <= start) throw new AppError(400, 'AUDIT_RANGE_INVALID', '结束日期不能早于开始日期');
      return log.list({ staffId, start, end, action, cursor, limit: limit ?? 20 });
    },
  );
};

export default auditRoutes;
