import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { StaffRole } from '../modules/staff/tables';
import { AppError, unauthorized } from './errors';

export const audiences = { shopper: 'linli:shopper', staff: 'linli:staff' } as const;

interface ShopperClaims {
  aud: typeof audiences.shopper;
  sub: string;
}
interface StaffClaims {
  aud: typeof audiences.staff;
  sub: string;
  role: StaffRole;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: ShopperClaims | StaffClaims;
    user: ShopperClaims | StaffClaims;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: a valid shopper access token; sets request.shopperId */
    authenticateShopper: preHandlerAsyncHookHandler;
    /** preHandler factory: a valid staff access token whose role is one of `roles` */
    requireStaff(...roles: StaffRole[]): preHandlerAsyncHookHandler;
    signShopperToken(userId: string): string;
    signStaffToken(staffId: string, role: StaffRole): string;
  }
  interface FastifyRequest {
    shopperId: string;
    staffMember: { id: string; role: StaffRole };
  }
}

async function authPlugin(app: FastifyInstance, opts: { secret: string; accessTtlSeconds: number }) {
  // The algorithm is pinned on both sides: a token signed any other way (or `alg: none`) never verifies.
  await app.register(jwt, {
    secret: opts.secret,
    sign: { algorithm: 'HS256', expiresIn: opts.accessTtlSeconds },
    verify: { algorithms: ['HS256'] },
  });

  app.decorateRequest('shopperId', '');
  app.decorateRequest('staffMember', null as unknown as { id: string; role: StaffRole });

  app.decorate('signShopperToken', (userId: string) => app.jwt.sign({ aud: audiences.shopper, sub: userId }));
  app.decorate('signStaffToken', (staffId: string, role: StaffRole) => app.jwt.sign({ aud: audiences.staff, sub: staffId, role }));

  app.decorate('authenticateShopper', async (request: FastifyRequest) => {
    const claims = await verify(request, audiences.shopper);
    request.shopperId = claims.sub;
  });

  app.decorate('requireStaff', (...roles: StaffRole[]): preHandlerAsyncHookHandler => async (request: FastifyRequest) => {
    const claims = (await verify(request, audiences.staff)) as StaffClaims;
    if (!roles.includes(claims.role)) throw new AppError(403, 'FORBIDDEN', '当前角色无权执行此操作');
    request.staffMember = { id: claims.sub, role: claims.role };
  });
}

async function verify(request: FastifyRequest, audience: string) {
  if (!request.headers.authorization) throw unauthorized();
  try {
    return await request.jwtVerify<ShopperClaims | StaffClaims>({ allowedAud: audience });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED') throw new AppError(401, 'TOKEN_EXPIRED', '登录已过期');
    // A valid token for the other audience is a permission problem, not an identity problem.
    if (code === 'FST_JWT_AUTHORIZATION_TOKEN_INVALID' && /\baud claim\b/.test((err as Error).message)) {
      throw new AppError(403, 'WRONG_AUDIENCE', '此令牌不能访问该接口');
    }
    throw unauthorized('登录凭证无效');
  }
}

export default fp(authPlugin, { name: 'auth' });
