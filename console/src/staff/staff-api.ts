import type { StaffActionPage } from '@linli/shared/schemas/audit';
import type { CreateStaffBody, StaffList, StaffMember, UpdateStaffBody } from '@linli/shared/schemas/auth';
import { staffSession } from '../api/console-api';

/** The owner's staff routes (bff/src/modules/staff/staff-admin-routes.ts, audit-routes.ts). */
export const staffApi = {
  list: () => staffSession.request<StaffList>({ path: '/api/console/staff' }),
  create: (body: CreateStaffBody) => staffSession.request<StaffMember>({ path: '/api/console/staff', method: 'POST', body }),
  update: (id: string, body: UpdateStaffBody) =>
    staffSession.request<StaffMember>({ path: `/api/console/staff/${encodeURIComponent(id)}`, method: 'PATCH', body }),
  auditLog: (query: Record<string, string>) => staffSession.request<StaffActionPage>({ path: '/api/console/audit-log', query }),
};
