import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Ok } from '@linli/shared/schemas/common';
import { ErrorBody } from '@linli/shared/schemas/error';
import { ChangePasswordBody, RefreshBody, StaffLoginBody, StaffProfile, StaffSession, TokenPair } from '@linli/shared/schemas/auth';
import { AppError, unauthorized } from '../../plugins/errors';
import { createRefreshTokenStore, rotationFailure } from '../users/tokens';
import { authenticateStaff, invalidCredentials, staffInactive } from './authenticate-staff';
import { hashPassword, verifyPassword } from './password';
import { createStaffRepository, type StaffRecord } from './staff-repository';
import { toStaffProfile } from './staff-views';

/** Console sign-in with username and password, token refresh, logout, and the staff member's own account. */
const staffAuthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staff = createStaffRepository(app.db, app.clock);
  const tokens = createRefreshTokenStore(app.db, { ttlDays: app.config.auth.refreshTtlDays, clock: app.clock });
  const expiresIn = app.config.auth.accessTtlSeconds;
  const anyRole = { onRequest: app.requirePermission('account.self') };
  const security = [{ staff: [] }];

  function session(member: StaffRecord, refreshToken: string): StaffSession {
    return { accessToken: app.signStaffToken(member.id, member.role), refreshToken, expiresIn, staff: toStaffProfile(member) };
  }

  // The token proves who signed in; the row says whether they still may.
  async function currentMember(id: string): Promise<StaffRecord> {
    const member = await staff.findById(id);
    if (!member) throw unauthorized('账号不存在，请重新登录');
    if (!member.active) throw staffInactive();
    return member;
  }

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['console'],
        summary: '后台登录',
        body: StaffLoginBody,
        response: { 200: StaffSession, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const { username, password } = request.body;
      const result = await authenticateStaff(staff, username, password);
      if (!result.ok) {
        request.log.info({ username, reason: result.reason }, 'console login refused');
        throw result.reason === 'inactive' ? staffInactive() : invalidCredentials();
      }
      const { staff: member, rehashed } = result;
      // Names who signed in for the audit log (audit-log.ts), as requirePermission does on other routes.
      request.staffMember = { id: member.id, role: member.role };
      const refreshToken = await app.db.transaction(async (tx) => {
        if (rehashed) await staff.setPasswordHash(member.id, rehashed, tx);
        return tokens.issue('staff', member.id, tx);
      });
      return session(member, refreshToken);
    },
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['console'],
        summary: '刷新后台令牌（旧的刷新令牌随即失效）',
        body: RefreshBody,
        response: { 200: TokenPair, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const rotation = await tokens.rotate('staff', request.body.refreshToken);
      if (!rotation.ok) {
        if (rotation.reason === 'reused') request.log.warn('staff refresh token reused: family revoked');
        throw rotationFailure(rotation.reason);
      }
      const member = await staff.findById(rotation.subjectId);
      if (!member?.active) {
        await tokens.revokeFamily(rotation.familyId);
        throw staffInactive();
      }
      // The role comes from the row, not the old token: a changed role applies from the next refresh.
      return { accessToken: app.signStaffToken(member.id, member.role), refreshToken: rotation.refreshToken, expiresIn };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['console'], summary: '退出后台登录', body: RefreshBody, response: { 200: Ok, 400: ErrorBody } },
    },
    async (request) => {
      const staffId = await tokens.revokeFamilyOf('staff', request.body.refreshToken);
      const member = staffId ? await staff.findById(staffId) : null;
      // Names who signed out for the audit log (audit-log.ts).
      if (member) request.staffMember = { id: member.id, role: member.role };
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    {
      ...anyRole,
      schema: { tags: ['console'], summary: '当前后台账号', security, response: { 200: StaffProfile, 401: ErrorBody, 403: ErrorBody } },
    },
    async (request) => toStaffProfile(await currentMember(request.staffMember.id)),
  );

  app.post(
    '/me/password',
    {
      ...anyRole,
      schema: {
        tags: ['console'],
        summary: '修改自己的密码（其他登录全部失效，返回新的令牌）',
        security,
        body: ChangePasswordBody,
        response: { 200: StaffSession, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const member = await currentMember(request.staffMember.id);
      if (!(await verifyPassword(request.body.currentPassword, member.passwordHash))) {
        throw new AppError(400, 'WRONG_CURRENT_PASSWORD', '当前密码不正确');
      }
      const passwordHash = await hashPassword(request.body.newPassword);
      const refreshToken = await app.db.transaction(async (tx) => {
        await staff.setPasswordHash(member.id, passwordHash, tx);
        // Whoever else holds a session of this account (perhaps the reason for the change) is signed out.
        await tokens.revokeAll('staff', member.id, tx);
        return tokens.issue('staff', member.id, tx);
      });
      return session(member, refreshToken);
    },
  );
};

export default staffAuthRoutes;
