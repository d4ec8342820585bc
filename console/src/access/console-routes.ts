import type { StaffRole } from '@linli/shared/schemas/auth';
import { allows, type Permission } from '@linli/shared/staff-permissions';

export type ConsolePage =
  | 'dashboard'
  | 'orders'
  | 'products'
  | 'groupBuys'
  | 'coupons'
  | 'promoters'
  | 'withdrawals'
  | 'staff'
  | 'password';

export interface ConsoleRoute {
  page: ConsolePage;
  /** under the console's base path, e.g. '/dashboard' */
  path: string;
  title: string;
  /** the permission of the BFF route the page reads from: the same table the BFF enforces */
  permission: Permission;
  /** listed in the side menu (the password page is reached from the header) */
  inMenu: boolean;
  /** false while the page is still to come in a later slice: the menu shows it and the page says so */
  built: boolean;
}

/** Every page of the console, in menu order. */
export const consoleRoutes: readonly ConsoleRoute[] = [
  { page: 'dashboard', path: '/dashboard', title: '数据概览', permission: 'analytics.read', inMenu: true, built: true },
  { page: 'orders', path: '/orders', title: '订单管理', permission: 'orders.read', inMenu: true, built: true },
  { page: 'products', path: '/products', title: '商品管理', permission: 'catalog.read', inMenu: true, built: true },
  { page: 'groupBuys', path: '/group-buys', title: '拼团活动', permission: 'campaigns.read', inMenu: true, built: true },
  { page: 'coupons', path: '/coupons', title: '优惠券', permission: 'coupons.read', inMenu: true, built: true },
  { page: 'promoters', path: '/promoters', title: '推广员与佣金', permission: 'referrals.read', inMenu: true, built: true },
  { page: 'withdrawals', path: '/withdrawals', title: '提现审核', permission: 'withdrawals.decide', inMenu: true, built: true },
  { page: 'staff', path: '/staff', title: '员工与角色', permission: 'staff.manage', inMenu: true, built: true },
  { page: 'password', path: '/account/password', title: '修改密码', permission: 'account.self', inMenu: false, built: true },
];

export const loginPath = '/login';

export const roleLabels: Record<StaffRole, string> = { owner: '店主', operator: '运营', service: '客服', finance: '财务' };

export function canOpen(role: StaffRole, route: ConsoleRoute): boolean {
  return allows(role, route.permission);
}

/** The side menu of a signed-in role: only what it may open. */
export function menuFor(role: StaffRole): ConsoleRoute[] {
  return consoleRoutes.filter((route) => route.inMenu && canOpen(role, route));
}

/** Where a role lands after signing in: its first menu entry (every role has account.self at least). */
export function landingPathFor(role: StaffRole): string {
  return (menuFor(role)[0] ?? passwordRoute()).path;
}

function passwordRoute(): ConsoleRoute {
  const route = consoleRoutes.find((r) => r.page === 'password');
  if (!route) throw new Error('the console has no password page');
  return route;
}

export type Resolution =
  | { kind: 'redirect'; to: string }
  | { kind: 'page'; route: ConsoleRoute }
  | { kind: 'forbidden'; route: ConsoleRoute }
  | { kind: 'notFound' };

/** What a signed-in staff member sees at `path` (relative to the console's base, e.g. '/orders'). */
export function resolveRoute(path: string, role: StaffRole): Resolution {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (trimmed === '/' || trimmed === '' || trimmed === loginPath) return { kind: 'redirect', to: landingPathFor(role) };
  const route = consoleRoutes.find((r) => r.path === trimmed);
  if (!route) return { kind: 'notFound' };
  return canOpen(role, route) ? { kind: 'page', route } : { kind: 'forbidden', route };
}
