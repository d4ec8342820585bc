import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import authRoutes from './auth-routes';
import avatarRoutes from './avatar-routes';
import meRoutes from './me-routes';

/** Shopper identity, mounted at /api: /auth/* to sign in and out, /me for the account itself. */
const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(avatarRoutes);
};

export default userRoutes;
