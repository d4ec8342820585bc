import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { allows, type Permission } from '../modules/staff/permissions';
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
    /** onRequest hook: a valid shopper access token; sets request.shopperId */
    authenticateShopper: onRequestAsyncHookHandler;
    /** onRequest hook: a valid staff access token whose role has `permission` (see permissions.ts) */
    requirePermission(permission: Permission): onRequestAsyncHookHandler;
    /** Every console route and the permission it requires (null: open, e.g. login), as registered. */
    consoleRoutes: Array<{ method: string; url: string; permission: Permission | null }>;
    signShopperToken(userId: string): string;
    signStaffToken(staffId: string, role: StaffRole): string;
  }
  interface FastifyRequest {
    shopperId: string;
    staffMember: { id: string; role: StaffRole };
  }
}

const subjectId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function authPlugin(app: FastifyInstance, opts: { secret: string; accessTtlSeconds: number }) {
  // The algorithm is pinned on both sides: a token signed any other way (or `alg: none`) never verifies.
  await app.register(jwt, {
    secret: opts.secret,
    sign: { algorithm: 'HS256', expiresIn: opts.accessTtlSeconds },
    // Every token this app signs names its audience and its subject (a row id): one without them, or
    // whose subject is not an id, was not made here and must not reach a query.
    verify: { algorithms: ['HS256'], requiredClaims: ['aud', 'sub', 'exp'], allowedSub: subjectId },
  });

  app.decorateRequest('shopperId', '');
  app.decorateRequest('staffMember', null as unknown as { id: string; role: StaffRole });

  app.decorate('signShopperToken', (userId: string) => app.jwt.sign({ aud: audiences.shopper, sub: userId }));
  app.decorate('signStaffToken', (staffId: string, role: StaffRole) => app.jwt.sign({ aud: audiences.staff, sub: staffId, role }));

  app.decorate('authenticateShopper', async (request: FastifyRequest) => {
    const claims = await verify(request, audiences.shopper);
    request.shopperId = claims.sub;
  });

  // Runs at onRequest, before the body is even parsed: a caller without the role learns nothing
  // about the route's validation, and we do no work for them.
  app.decorate('requirePermission', (permission: Permission): onRequestAsyncHookHandler => {
    const hook = async (request: FastifyRequest) => {
      const claims = (await verify(request, audiences.staff)) as StaffClaims;
      // Who it is is known before whether they may: the audit log names the staff member it refused.
      request.staffMember = { id: claims.sub, role: claims.role };
      if (!allows(claims.role, permission)) throw new AppError(403, 'FORBIDDEN', '当前角色无权执行此操作');
    };
    return Object.assign(hook, { permission });
  });

  app.decorate('consoleRoutes', []);
  app.addHook('onRoute', (route) => {
    const hooks = [route.onRequest ?? []].flat() as Array<{ permission?: Permission }>;
    const permission = hooks.find((h) => h.permission)?.permission ?? null;
    if (route.url.startsWith('/api/console/')) {
      for (const method of [route.method].flat()) if (method !== 'HEAD') app.consoleRoutes.push({ method, url: route.url, permission });
    }
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
    if (code === 'FST_JWT_AUTHORIZATION_TOKEN_INVALID' && /\baud claim value\b/.test((err as Error).message)) {
      throw new AppError(403, 'WRONG_AUDIENCE', '此令牌不能访问该接口');
    }
    throw unauthorized('登录凭证无效');
  }
}

export default fp(authPlugin, { name: 'auth' });
