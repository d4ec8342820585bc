import type { FastifyRequest } from 'fastify';
import { audiences } from '../../plugins/auth';
import { AppError, unauthorized } from '../../plugins/errors';

/**
 * The signed-in shopper, or null for a visitor without a token. A token that is present but bad is
 * refused rather than treated as anonymous, so a client with a stale token finds out and refreshes.
 */
export async function optionalShopper(request: FastifyRequest): Promise<string | null> {
  if (!request.headers.authorization) return null;
  try {
    const claims = await request.jwtVerify<{ sub: string }>({ allowedAud: audiences.shopper });
    return claims.sub;
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED') throw new AppError(401, 'TOKEN_EXPIRED', '登录已过期');
    throw unauthorized('登录凭证无效');
  }
}
