import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { AppError } from '../../plugins/errors';
import { refreshTokens } from './tables';

export type SubjectKind = 'shopper' | 'staff';

export type Rotation =
  | { ok: true; subjectId: string; familyId: string; refreshToken: string }
  /** invalid: unknown, expired or of the other subject kind. reused: spent or revoked, family now revoked. */
  | { ok: false; reason: 'invalid' | 'reused' };

export interface RefreshTokenStore {
  /** Starts a new family (a login) and returns the token to hand out. */
  issue(kind: SubjectKind, subjectId: string, executor?: Executor): Promise<string>;
  /** Spends the presented token and returns its successor in the same family. */
  rotate(kind: SubjectKind, presented: string): Promise<Rotation>;
  /** Logout: the presented token's whole family stops working. Returns whose it was; unknown tokens are ignored (null). */
  revokeFamilyOf(kind: SubjectKind, presented: string, executor?: Executor): Promise<string | null>;
  revokeFamily(familyId: string, executor?: Executor): Promise<void>;
  /** Every session of this subject ends (deactivation, password change). */
  revokeAll(kind: SubjectKind, subjectId: string, executor?: Executor): Promise<void>;
}

/** Only this hash is stored: a database leak hands out no usable refresh token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createRefreshTokenStore(db: Database, options: { ttlDays: number; clock: () => Date }): RefreshTokenStore {
  const ttlMs = options.ttlDays * 24 * 60 * 60 * 1000;

  async function insert(executor: Executor, kind: SubjectKind, subjectId: string, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await executor.insert(refreshTokens).values({
      familyId,
      subjectKind: kind,
      subjectId,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(options.clock().getTime() + ttlMs),
    });
    return token;
  }

  async function revokeFamily(familyId: string, executor: Executor = db): Promise<void> {
    await executor
      .update(refreshTokens)
      .set({ revokedAt: options.clock() })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }

  function byPresented(kind: SubjectKind, presented: string) {
    return and(eq(refreshTokens.tokenHash, hashRefreshToken(presented)), eq(refreshTokens.subjectKind, kind));
  }

  return {
    issue: (kind, subjectId, executor = db) => insert(executor, kind, subjectId, randomUUID()),

    async rotate(kind, presented) {
      const now = options.clock();
      // The conditional UPDATE is the lock: of two requests presenting the same token, exactly one
      // gets the row back; the other falls through to the reuse check below.
      const rotated = await db.transaction(async (tx) => {
        const [spent] = await tx
          .update(refreshTokens)
          .set({ spentAt: now })
          .where(
            and(
              byPresented(kind, presented),
              isNull(refreshTokens.spentAt),
              isNull(refreshTokens.revokedAt),
              gt(refreshTokens.expiresAt, now),
            ),
          )
          .returning({ familyId: refreshTokens.familyId, subjectId: refreshTokens.subjectId });
        if (!spent) return null;
        const refreshToken = await insert(tx, kind, spent.subjectId, spent.familyId);
        return { ok: true as const, subjectId: spent.subjectId, familyId: spent.familyId, refreshToken };
      });
      if (rotated) return rotated;

      const [known] = await db
        .select({ familyId: refreshTokens.familyId, spentAt: refreshTokens.spentAt, revokedAt: refreshTokens.revokedAt })
        .from(refreshTokens)
        .where(byPresented(kind, presented));
      if (!known || (known.spentAt === null && known.revokedAt === null)) return { ok: false, reason: 'invalid' };
      // A token used twice was copied: whoever holds the newest token of this family loses it too.
      await revokeFamily(known.familyId);
      return { ok: false, reason: 'reused' };
    },

    async revokeFamilyOf(kind, presented, executor = db) {
      const [known] = await executor
        .select({ familyId: refreshTokens.familyId, subjectId: refreshTokens.subjectId })
        .from(refreshTokens)
        .where(byPresented(kind, presented));
      if (!known) return null;
      await revokeFamily(known.familyId, executor);
      return known.subjectId;
    },

    revokeFamily,

    async revokeAll(kind, subjectId, executor = db) {
      await executor
        .update(refreshTokens)
        .set({ revokedAt: options.clock() })
        .where(and(eq(refreshTokens.subjectKind, kind), eq(refreshTokens.subjectId, subjectId), isNull(refreshTokens.revokedAt)));
    },
  };
}

/** The answer to a refused refresh, the same for shoppers and staff. */
export function rotationFailure(reason: 'invalid' | 'reused'): AppError {
  return reason === 'reused'
    ? new AppError(401, 'REFRESH_TOKEN_REUSED', '登录凭证已被使用，请重新登录')
    : new AppError(401, 'REFRESH_TOKEN_INVALID', '登录凭证无效或已过期，请重新登录');
}
