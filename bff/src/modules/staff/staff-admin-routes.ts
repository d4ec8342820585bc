import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@linli/shared/schemas/error';
import { CreateStaffBody, StaffIdParams, StaffList, StaffMember, UpdateStaffBody } from '@linli/shared/schemas/auth';
import { AppError, notFound } from '../../plugins/errors';
import { createRefreshTokenStore } from '../users/tokens';
import { hashPassword } from './password';
import { createStaffRepository } from './staff-repository';
import { toStaffListItem, toStaffMember } from './staff-views';

/** The owner manages who works in the console and in which role. */
const staffAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = createStaffRepository(app.db, app.clock);
  const tokens = createRefreshTokenStore(app.db, { ttlDays: app.config.auth.refreshTtlDays, clock: app.clock });
  const ownerOnly = { onRequest: app.requirePermission('staff.manage') };
  const security = [{ staff: [] }];
  const denied = { 401: ErrorBody, 403: ErrorBody };

  app.get(
    '/staff',
    { ...ownerOnly, schema: { tags: ['console'], summary: '员工列表', security, response: { 200: StaffList, ...denied } } },
    async () => ({ items: (await staff.list()).map(toStaffListItem) }),
  );

  app.post(
    '/staff',
    {
      ...ownerOnly,
      schema: {
        tags: ['console'],
        summary: '新增员工',
        security,
        body: CreateStaffBody,
        response: { 201: StaffMember, 400: ErrorBody, ...denied, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { password, ...profile } = request.body;
      const created = await staff.create({ ...profile, passwordHash: await hashPassword(password) });
      if (!created) throw new AppError(409, 'USERNAME_TAKEN', '该用户名已被使用');
      return reply.status(201).send(toStaffMember(created));
    },
  );

  app.patch(
    '/staff/:id',
    {
      ...ownerOnly,
      schema: {
        tags: ['console'],
        summary: '修改员工姓名、角色或启用状态',
        security,
        params: StaffIdParams,
        body: UpdateStaffBody,
        response: { 200: StaffMember, 400: ErrorBody, ...denied, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const { id } = request.params;
      const changes = request.body;
      const updated = await app.db.transaction(async (tx) => {
        const mayRemoveAnOwner = (changes.role !== undefined && changes.role !== 'owner') || changes.active === false;
        if (mayRemoveAnOwner) {
          const owners = await staff.lockActiveOwners(tx);
          if (owners.length === 1 && owners[0] === id) {
            throw new AppError(409, 'LAST_OWNER', '至少需要保留一位启用中的店主');
          }
        }
        const member = await staff.update(id, changes, tx);
        if (member && changes.active === false) await tokens.revokeAll('staff', id, tx);
        return member;
      });
      if (!updated) throw notFound('员工');
      return toStaffMember(updated);
    },
  );
};

export default staffAdminRoutes;
