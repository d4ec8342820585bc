import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import authRoutes from './auth-routes';
import staffAdminRoutes from './staff-admin-routes';

/** The merchant console's identity routes, mounted at /api/console. */
const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(authRoutes);
  await app.register(staffAdminRoutes);
};

export default staffRoutes;
