import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import type { StaffAction } from '@linli/shared/schemas/audit';
import type { Database } from '../../db/client';
import { afterCursor, createdMicrosOf, decodeCursor, keysetPage } from '../../db/cursor';
import { containsPattern } from '../catalog/product-sql';
import { staff, staffActions } from './tables';

export const signInRoute = '/api/console/auth/login';

/**
 * In a query on `staff`: the row's last successful sign-in. Walks only that member's entries, newest
 * first (the staff index). Written out in full because drizzle leaves single-table columns unqualified.
 */
export const lastSignInOfStaff = sql`(select a.created_at from staff_actions a where a.staff_id = staff.id and a.route = ${signInRoute} and a.status_code = 200 order by a.created_at desc limit 1)`.mapWith(
  staffActions.createdAt,
);

/** What the audit hook knows of a request; the username is looked up when the staff id is known. */
export type NewStaffAction = Omit<typeof staffActions.$inferInsert, 'id' | 'createdAt'>;

export interface StaffActionFilter {
  staffId?: string;
  /** from the first instant of the first day to before the first instant after the last */
  start?: Date;
  end?: Date;
  action?: string;
  cursor?: string;
  limit: number;
}

export interface StaffActionLog {
  record(entry: NewStaffAction): Promise<void>;
  list(filter: StaffActionFilter): Promise<{ items: StaffAction[]; nextCursor: string | null }>;
}

export function createStaffActionLog(db: Database): StaffActionLog {
  return {
    async record(entry) {
      // The account's own username when it exists, else what was typed: one statement, no read first.
      const username = entry.staffId
        ? sql`coalesce((select ${staff.username} from ${staff} where ${staff.id} = ${entry.staffId}), ${entry.username ?? null})`
        : (entry.username ?? null);
      await db.insert(staffActions).values({ ...entry, username });
    },

    async list(filter) {
      const after = filter.cursor ? decodeCursor(filter.cursor) : null;
      const conditions: Array<SQL | undefined> = [
        filter.staffId ? eq(staffActions.staffId, filter.staffId) : undefined,
        filter.start ? gte(staffActions.createdAt, filter.start) : undefined,
        filter.end ? lt(staffActions.createdAt, filter.end) : undefined,
        filter.action ? ilike(staffActions.action, containsPattern(filter.action)) : undefined,
        after ? afterCursor(staffActions.createdAt, staffActions.id, after) : undefined,
      ];
      const rows = await db
        .select({ action: staffActions, displayName: staff.displayName, createdMicros: createdMicrosOf(staffActions.createdAt) })
        .from(staffActions)
        .leftJoin(staff, eq(staff.id, staffActions.staffId))
        .where(and(...conditions))
        .orderBy(desc(staffActions.createdAt), desc(staffActions.id))
        .limit(filter.limit + 1);
      const { page, nextCursor } = keysetPage(rows, filter.limit, (last) => ({ createdMicros: last.createdMicros, id: last.action.id }));
      return { items: page.map((row) => toStaffAction(row.action, row.displayName)), nextCursor };
    },
  };
}

function toStaffAction(row: typeof staffActions.$inferSelect, displayName: string | null): StaffAction {
  return {
    id: row.id,
    staffId: row.staffId,
    username: row.username,
    displayName,
    role: row.role,
    method: row.method,
    route: row.route,
    action: row.action,
    targetId: row.targetId,
    payload: row.payload,
    statusCode: row.statusCode,
    errorCode: row.errorCode,
    ip: row.ip,
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
  };
}
