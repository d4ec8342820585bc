import type { StaffAction } from '@linli/shared/schemas/audit';

/**
 * What the audit log can be narrowed by: exactly what GET /api/console/audit-log accepts. Days are
 * Shanghai days 'YYYY-MM-DD', both ends included.
 */
export interface AuditFilters {
  staffId: string | null;
  days: { from: string; to: string } | null;
  action: string;
}

export const emptyAuditFilters: AuditFilters = { staffId: null, days: null, action: '' };

export const auditPageSize = 20;

/** The query of one page: blank filters left out, the cursor only after the first page. */
export function auditQuery(filters: AuditFilters, cursor: string | null): Record<string, string> {
  const query: Record<string, string> = { limit: String(auditPageSize) };
  if (filters.staffId) query.staffId = filters.staffId;
  if (filters.days) {
    query.from = filters.days.from;
    query.to = filters.days.to;
  }
  const action = filters.action.trim();
  if (action) query.action = action;
  if (cursor) query.cursor = cursor;
  return query;
}

export type Outcome = { label: string; color: string };

/** How an action ended, as a coloured tag: done, refused for the role, refused for another reason, or broken. */
export function outcomeOf(entry: Pick<StaffAction, 'statusCode'>): Outcome {
  const status = entry.statusCode;
  if (status >= 200 && status < 300) return { label: '成功', color: 'success' };
  if (status === 401 || status === 403) return { label: `拒绝 ${status}`, color: 'warning' };
  if (status >= 400 && status < 500) return { label: `失败 ${status}`, color: 'error' };
  return { label: `出错 ${status}`, color: 'magenta' };
}

/** Who did it: their name today, else the username typed at a sign-in that named nobody. */
export function actorName(entry: Pick<StaffAction, 'displayName' | 'username'>): string {
  return entry.displayName ?? entry.username ?? '未知';
}

/** The record acted on as staff know it: a member by name on the staff routes, else the id's first 8 characters. */
export function targetLabel(entry: Pick<StaffAction, 'route' | 'targetId'>, memberNames: ReadonlyMap<string, string>): string | null {
  if (entry.targetId === null) return null;
  const name = entry.route.startsWith('/api/console/staff/') ? memberNames.get(entry.targetId) : undefined;
  return name ?? entry.targetId.slice(0, 8);
}

/** The stored request body, formatted for reading. */
export function payloadText(payload: unknown): string {
  return payload === null || payload === undefined ? '（无请求内容）' : JSON.stringify(payload, null, 2);
}
