import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../../src/app';
import { allows, permissions, type Permission } from '../../src/modules/staff/permissions';
import { staffRoles } from '../../src/modules/staff/tables';
import { createShopper } from '../fixtures';
import { buildTestApp } from '../helper';

const openRoutes = ['POST /api/console/auth/login', 'POST /api/console/auth/refresh', 'POST /api/console/auth/logout'];
const someId = '00000000-0000-4000-8000-000000000000';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

function call(route: { method: string; url: string }, authorization: string) {
  return app.inject({
    method: route.method as 'GET',
    url: route.url.replace(/:[a-zA-Z]+/g, someId),
    headers: { authorization },
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
  });
}

describe('the console role matrix', () => {
  it('requires a permission on every console route except login, refresh and logout', () => {
    const unguarded = app.consoleRoutes.filter((r) => r.permission === null).map((r) => `${r.method} ${r.url}`);
    expect(unguarded.sort()).toEqual([...openRoutes].sort());
    expect(app.consoleRoutes.length).toBeGreaterThan(20);
  });

  it('states in docs/roles.md exactly the permissions the code enforces', () => {
    const doc = readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'roles.md'), 'utf8');
    const rows = doc
      .split('\n')
      .filter((line) => /^\| [a-zA-Z]+\.[a-zA-Z]+ \|/.test(line))
      .map((line) => line.split('|').map((c) => c.trim()));
    const documented = Object.fromEntries(rows.map((cells) => [cells[1], staffRoles.filter((_, i) => cells[i + 2] === '✓')]));
    expect(documented).toEqual(Object.fromEntries(Object.entries(permissions).map(([p, roles]) => [p, [...roles]])));
  });

  it('lets each role through exactly the routes its permissions allow', async () => {
    const mismatches: string[] = [];
    for (const route of app.consoleRoutes.filter((r) => r.permission)) {
      for (const role of staffRoles) {
        const res = await call(route, `Bearer ${app.signStaffToken(someId, role)}`);
        const allowed = allows(role, route.permission as Permission);
        if (allowed === (res.statusCode === 403)) mismatches.push(`${role} ${route.method} ${route.url} → ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('denies a shopper token on every console route', async () => {
    const shopper = await createShopper(app);
    const answers = new Set<string>();
    for (const route of app.consoleRoutes.filter((r) => r.permission)) {
      const res = await call(route, `Bearer ${shopper.token}`);
      answers.add(`${res.statusCode} ${res.json().error.code}`);
    }
    expect([...answers]).toEqual(['403 WRONG_AUDIENCE']);
  });
});
