import { staffRoleNames } from '@linli/shared/schemas/auth';
import { permissions } from '@linli/shared/staff-permissions';
import { consoleRoutes, landingPathFor, menuFor, resolveRoute } from './console-routes';

const titles = (role: Parameters<typeof menuFor>[0]) => menuFor(role).map((r) => r.title);

describe('the side menu follows the role matrix', () => {
  it('gives the owner every section', () => {
    expect(titles('owner')).toEqual(['数据概览', '订单管理', '商品管理', '拼团活动', '优惠券', '推广员与佣金', '提现审核', '员工与角色']);
  });

  it('keeps the dashboard, withdrawals and staff away from customer service', () => {
    expect(titles('service')).toEqual(['订单管理', '商品管理', '拼团活动', '优惠券', '推广员与佣金']);
  });

  it('gives finance the dashboard and withdrawal approvals but not staff', () => {
    expect(titles('finance')).toContain('提现审核');
    expect(titles('finance')).toContain('数据概览');
    expect(titles('finance')).not.toContain('员工与角色');
  });

  it('lists a page for a role exactly when the shared matrix grants its permission', () => {
    for (const role of staffRoleNames) {
      for (const route of consoleRoutes.filter((r) => r.inMenu)) {
        const granted = (permissions[route.permission] as readonly string[]).includes(role);
        expect({ role, page: route.page, listed: menuFor(role).includes(route) }).toEqual({ role, page: route.page, listed: granted });
      }
    }
  });
});

describe('resolveRoute', () => {
  it('sends the console root to the role’s landing page', () => {
    expect(resolveRoute('/', 'owner')).toEqual({ kind: 'redirect', to: '/dashboard' });
    expect(resolveRoute('/', 'service')).toEqual({ kind: 'redirect', to: '/orders' });
    expect(landingPathFor('finance')).toBe('/dashboard');
  });

  it('sends a signed-in member away from the login page', () => {
    expect(resolveRoute('/login', 'operator')).toEqual({ kind: 'redirect', to: '/dashboard' });
  });

  it('answers forbidden, not a page, when the role lacks the permission', () => {
    const withdrawals = resolveRoute('/withdrawals', 'service');
    expect(withdrawals.kind).toBe('forbidden');
    expect(resolveRoute('/dashboard', 'service').kind).toBe('forbidden');
    expect(resolveRoute('/withdrawals', 'finance').kind).toBe('page');
  });

  it('opens the password page for every role and ignores a trailing slash', () => {
    for (const role of staffRoleNames) expect(resolveRoute('/account/password/', role).kind).toBe('page');
  });

  it('answers not found for a path that is no page', () => {
    expect(resolveRoute('/no-such-page', 'owner')).toEqual({ kind: 'notFound' });
  });
});
