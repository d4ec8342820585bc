import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import auditRoutes from './audit-routes';
import authRoutes from './auth-routes';
import staffAdminRoutes from './staff-admin-routes';

/** The merchant console's identity routes and its audit log, mounted at /api/console. */
const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(authRoutes);
  await app.register(staffAdminRoutes);
  await app.register(auditRoutes);
};

export default staffRoutes;
