import { Suspense, lazy, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { Spin } from 'antd';
import type { StaffProfile } from '@linli/shared/schemas/auth';
import { landingPathFor, resolveRoute, type ConsolePage, type ConsoleRoute } from './access/console-routes';
import { useConsolePath } from './access/use-console-path';
import { staffSession } from './api/console-api';
import { PasswordPage } from './account/password-page';
import { ConsoleLayout } from './layout/console-layout';
import { LoginPage } from './login/login-page';
import { ForbiddenPage, NotFoundPage, NotBuiltPage } from './pages/status-pages';

// Each page loads when first opened: a role that never opens the dashboard never downloads ECharts.
const lazyPages: Partial<Record<ConsolePage, LazyExoticComponent<ComponentType>>> = {
  dashboard: lazy(() => import('./dashboard/dashboard-page')),
  orders: lazy(() => import('./orders/orders-page')),
  products: lazy(() => import('./catalog/products-page')),
  promoters: lazy(() => import('./promoters/promoters-page')),
  groupBuys: lazy(() => import('./group-buys/group-buys-page')),
  coupons: lazy(() => import('./coupons/coupons-page')),
  withdrawals: lazy(() => import('./withdrawals/withdrawals-page')),
  staff: lazy(() => import('./staff/staff-page')),
};

function useSignedInStaff(): StaffProfile | null {
  const [staff, setStaff] = useState(staffSession.current);
  useEffect(() => staffSession.subscribe(setStaff), []);
  useEffect(() => {
    // A role changed by the owner, or an account switched off, shows at once rather than at the next refresh.
    if (staffSession.current()) staffSession.reloadProfile().catch(() => undefined);
  }, []);
  return staff;
}

function PageOf({ route }: { route: ConsoleRoute }) {
  if (!route.built) return <NotBuiltPage title={route.title} />;
  if (route.page === 'password') return <PasswordPage />;
  const Page = lazyPages[route.page];
  if (!Page) return <NotBuiltPage title={route.title} />;
  return (
    <Suspense fallback={<Spin size="large" className="console-page-loading" />}>
      <Page />
    </Suspense>
  );
}

export function ConsoleApp() {
  const staff = useSignedInStaff();
  const { path, navigate } = useConsolePath();
  const resolution = staff ? resolveRoute(path, staff.role) : null;

  useEffect(() => {
    if (resolution?.kind === 'redirect') navigate(resolution.to, { replace: true });
  }, [resolution, navigate]);

  // Signed out, any path shows the login; once signed in, the same path opens (or '/' redirects to the landing page).
  if (!staff) return <LoginPage />;

  const logOut = () => {
    void staffSession.logOut();
    navigate('/', { replace: true });
  };

  return (
    <ConsoleLayout staff={staff} path={path} navigate={navigate} onLogOut={logOut}>
      {resolution?.kind === 'page' && <PageOf route={resolution.route} />}
      {resolution?.kind === 'forbidden' && <ForbiddenPage title={resolution.route.title} onBack={() => navigate(landingPathFor(staff.role))} />}
      {resolution?.kind === 'notFound' && <NotFoundPage onBack={() => navigate(landingPathFor(staff.role))} />}
    </ConsoleLayout>
  );
}
