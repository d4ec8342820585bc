import type { StaffRole } from './tables';

/**
 * What each staff role may do in the console. Every console route names one permission; the auth
 * plugin refuses the request before anything else runs when the role is not listed here.
 * docs/roles.md states this table for people, and a test keeps the two equal.
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
