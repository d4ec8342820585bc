import type { StaffRole } from './schemas/auth';

/**
 * What each staff role may do in the console. The BFF refuses a console route whose permission the
 * caller's role lacks; the console shows only the pages a role may open, from this same table.
 * docs/roles.md states it for people, and bff/test/staff/role-matrix.test.ts keeps the two equal.
 */
export const permissions = {
  'account.self': ['owner', 'operator', 'service', 'finance'],
  'catalog.read': ['owner', 'operator', 'service', 'finance'],
  'catalog.write': ['owner', 'operator'],
  'orders.read': ['owner', 'operator', 'service', 'finance'],
  'orders.ship': ['owner', 'operator'],
  'afterSales.decide': ['owner', 'service'],
  'coupons.read': ['owner', 'operator', 'service', 'finance'],
  'coupons.manage': ['owner', 'operator'],
  'campaigns.read': ['owner', 'operator', 'service', 'finance'],
  'campaigns.manage': ['owner', 'operator'],
  'referrals.read': ['owner', 'operator', 'service', 'finance'],
  'referrals.manage': ['owner', 'operator'],
  'withdrawals.decide': ['owner', 'finance'],
  'analytics.read': ['owner', 'operator', 'finance'],
  'staff.manage': ['owner'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof permissions;

export function allows(role: StaffRole, permission: Permission): boolean {
  return (permissions[permission] as readonly StaffRole[]).includes(role);
}
