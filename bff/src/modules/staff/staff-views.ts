import type { StaffListItem, StaffMember, StaffProfile } from '@linli/shared/schemas/auth';
import type { ListedStaff, StaffRecord } from './staff-repository';

/** Who is signed in to the console: never the password hash. */
export function toStaffProfile(record: StaffRecord): StaffProfile {
  return { id: record.id, username: record.username, displayName: record.displayName, role: record.role };
}

export function toStaffMember(record: StaffRecord): StaffMember {
  return { ...toStaffProfile(record), active: record.active, createdAt: record.createdAt.toISOString() };
}

export function toStaffListItem(record: ListedStaff): StaffListItem {
  return { ...toStaffMember(record), lastSignInAt: record.lastSignInAt?.toISOString() ?? null };
}
