import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { users } from './tables';

export type User = typeof users.$inferSelect;
/** `firstLogin`: this call created the shopper (PostgreSQL reports xmax = 0 for a freshly inserted row). */
export type LoggedInUser = User & { firstLogin: boolean };

export interface UsersRepository {
  /** The shopper behind this openid, created on first login; a unionid WeChat newly reports is kept. */
  upsertByOpenid(identity: { openid: string; unionid: string | null }, executor?: Executor): Promise<LoggedInUser>;
  /** The h5 dev-login shopper with this name, created on first login (nickname = name). */
  upsertByDevLogin(name: string, executor?: Executor): Promise<LoggedInUser>;
  findById(id: string, executor?: Executor): Promise<User | null>;
  updateProfile(id: string, profile: { nickname?: string; avatarUrl?: string }, executor?: Executor): Promise<User | null>;
  setPhone(id: string, phone: string, executor?: Executor): Promise<User | null>;
}

const insertedNow = sql<boolean>`(xmax = 0)`;

export function createUsersRepository(db: Database, clock: () => Date): UsersRepository {
  return {
    async upsertByOpenid({ openid, unionid }, executor = db) {
      const [user] = await executor
        .insert(users)
        .values({ openid, unionid })
        .onConflictDoUpdate({
          target: users.openid,
          set: { unionid: sql`coalesce(excluded.unionid, ${users.unionid})`, updatedAt: clock() },
        })
        .returning({ ...getTableColumns(users), firstLogin: insertedNow });
      return user!;
    },

    async upsertByDevLogin(name, executor = db) {
      // The no-op update makes RETURNING give back the existing row.
      const [user] = await executor
        .insert(users)
        .values({ devLogin: name, nickname: name })
        .onConflictDoUpdate({ target: users.devLogin, set: { devLogin: name } })
        .returning({ ...getTableColumns(users), firstLogin: insertedNow });
      return user!;
    },

    async findById(id, executor = db) {
      const [user] = await executor.select().from(users).where(eq(users.id, id));
      return user ?? null;
    },

    async updateProfile(id, profile, executor = db) {
      const [user] = await executor
        .update(users)
        .set({ ...profile, updatedAt: clock() })
        .where(eq(users.id, id))
        .returning();
      return user ?? null;
    },

    async setPhone(id, phone, executor = db) {
      const [user] = await executor.update(users).set({ phone, updatedAt: clock() }).where(eq(users.id, id)).returning();
      return user ?? null;
    },
  };
}
