import { and, asc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { lastSignInOfStaff } from './staff-action-log';
import { staff, type StaffRole } from './tables';

export type StaffRecord = typeof staff.$inferSelect;
export type ListedStaff = StaffRecord & { lastSignInAt: Date | null };

export interface NewStaff {
  username: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string;
}

export interface StaffRepository {
  /** null when the username is taken. */
  create(input: NewStaff, executor?: Executor): Promise<StaffRecord | null>;
  findById(id: string, executor?: Executor): Promise<StaffRecord | null>;
  findByUsername(username: string, executor?: Executor): Promise<StaffRecord | null>;
  /** Oldest first, each with their last successful sign-in from the audit log. */
  list(executor?: Executor): Promise<ListedStaff[]>;
  any(executor?: Executor): Promise<boolean>;
  update(id: string, changes: { displayName?: string; role?: StaffRole; active?: boolean }, executor?: Executor): Promise<StaffRecord | null>;
  setPasswordHash(id: string, passwordHash: string, executor?: Executor): Promise<void>;
  /**
   * Locks every active owner, in id order, and returns their ids. Two owners demoting each other at
   * once serialise here, so the second sees the first's change and the shop keeps an owner.
   */
  lockActiveOwners(executor: Executor): Promise<string[]>;
}

export function createStaffRepository(db: Database, clock: () => Date): StaffRepository {
  return {
    async create(input, executor = db) {
      const [created] = await executor.insert(staff).values(input).onConflictDoNothing({ target: staff.username }).returning();
      return created ?? null;
    },

    async findById(id, executor = db) {
      const [found] = await executor.select().from(staff).where(eq(staff.id, id));
      return found ?? null;
    },

    async findByUsername(username, executor = db) {
      const [found] = await executor.select().from(staff).where(eq(staff.username, username));
      return found ?? null;
    },

    async list(executor = db) {
      const rows = await executor
        .select({ member: staff, lastSignInAt: lastSignInOfStaff })
        .from(staff)
        .orderBy(asc(staff.createdAt), asc(staff.username));
      return rows.map((row) => ({ ...row.member, lastSignInAt: row.lastSignInAt as Date | null }));
    },

    async any(executor = db) {
      const [row] = await executor.select({ id: staff.id }).from(staff).limit(1);
      return row !== undefined;
    },

    async update(id, changes, executor = db) {
      const [updated] = await executor
        .update(staff)
        .set({ ...changes, updatedAt: clock() })
        .where(eq(staff.id, id))
        .returning();
      return updated ?? null;
    },

    async setPasswordHash(id, passwordHash, executor = db) {
      await executor.update(staff).set({ passwordHash, updatedAt: clock() }).where(eq(staff.id, id));
    },

    async lockActiveOwners(executor) {
      const owners = await executor
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.role, 'owner'), eq(staff.active, true)))
        .orderBy(asc(staff.id))
        .for('update');
      return owners.map((o) => o.id);
    },
  };
}
