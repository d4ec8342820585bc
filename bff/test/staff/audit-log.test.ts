import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { StaffAction } from '@linli/shared/schemas/audit';
import type { App } from '../../src/app';
import { staffActions } from '../../src/modules/staff/tables';
import { createProduct } from '../fixtures';
import { bearer, buildTestApp } from '../helper';
import { staffSession, type StaffSessionForTest } from '../sessions';

let app: App;
let owner: StaffSessionForTest;
beforeAll(async () => {
  app = await buildTestApp();
  owner = await staffSession(app, 'owner');
});
afterAll(async () => {
  await app.close();
});

/** Every entry written so far, newest first, straight from the table. */
async function entries() {
  await app.staffActionsSettled();
  return app.db.select().from(staffActions).orderBy(sql`${staffActions.createdAt} desc, ${staffActions.id} desc`);
}

/** The entries the requests in `work` added. */
async function entriesOf(work: () => Promise<unknown>) {
  const before = new Set((await entries()).map((e) => e.id));
  await work();
  return (await entries()).filter((e) => !before.has(e.id));
}

describe('what one staff action leaves in the audit log', () => {
  it('records a product edit once: who, the route and its summary, the product, the body and 200', async () => {
    const operator = await staffSession(app, 'operator');
    const { productId } = await createProduct(app, { title: '旧标题' });
    const added = await entriesOf(() =>
      app.inject({ method: 'PATCH', url: `/api/console/products/${productId}`, headers: bearer(operator.token), payload: { title: '新标题' } }),
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      staffId: operator.staffId,
      username: operator.username,
      role: 'operator',
      method: 'PATCH',
      route: '/api/console/products/:id',
      action: '修改商品信息（改规格时现有 SKU 必须仍然符合）',
      targetId: productId,
      payload: { title: '新标题' },
      statusCode: 200,
      errorCode: null,
      ip: '127.0.0.1',
    });
    expect(added[0]?.requestId).toEqual(expect.any(String));
  });

  it('records an action refused for the role once, with who tried, 403 and FORBIDDEN', async () => {
    const service = await staffSession(app, 'service');
    const { productId } = await createProduct(app);
    const added = await entriesOf(() =>
      app.inject({ method: 'PUT', url: `/api/console/products/${productId}/shelf`, headers: bearer(service.token), payload: { onShelf: false } }),
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      staffId: service.staffId,
      username: service.username,
      role: 'service',
      route: '/api/console/products/:id/shelf',
      action: '上架或下架',
      targetId: productId,
      statusCode: 403,
      errorCode: 'FORBIDDEN',
    });
  });

  it('records a failed sign-in once, with the username typed, nobody identified and the password masked', async () => {
    const added = await entriesOf(() =>
      app.inject({ method: 'POST', url: '/api/console/auth/login', payload: { username: owner.username, password: 'a-wrong-password' } }),
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      staffId: null,
      username: owner.username,
      role: null,
      route: '/api/console/auth/login',
      action: '后台登录',
      statusCode: 401,
      errorCode: 'INVALID_CREDENTIALS',
      payload: { username: owner.username, password: '***' },
    });
  });

  it('records a sign-in and a sign-out under the member who did them', async () => {
    const member = await staffSession(app, 'finance');
    const [signIn] = (await entries()).filter((e) => e.route === '/api/console/auth/login' && e.staffId === member.staffId);
    expect(signIn).toMatchObject({ role: 'finance', statusCode: 200, username: member.username });
    const added = await entriesOf(() => app.inject({ method: 'POST', url: '/api/console/auth/logout', payload: { refreshToken: member.refreshToken } }));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ staffId: member.staffId, role: 'finance', action: '退出后台登录', statusCode: 200, payload: { refreshToken: '***' } });
  });

  it('records a request refused by validation with its 400 and code', async () => {
    const added = await entriesOf(() => app.inject({ method: 'POST', url: '/api/console/staff', headers: bearer(owner.token), payload: { username: 'x' } }));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ staffId: owner.staffId, action: '新增员工', statusCode: 400, errorCode: 'VALIDATION_FAILED' });
  });

  it('records no reads, no token refreshes and nothing without a staff token', async () => {
    const member = await staffSession(app, 'operator');
    const added = await entriesOf(async () => {
      await app.inject({ method: 'GET', url: '/api/console/orders', headers: bearer(member.token) });
      await app.inject({ method: 'POST', url: '/api/console/auth/refresh', payload: { refreshToken: member.refreshToken } });
      await app.inject({ method: 'PATCH', url: `/api/console/staff/${member.staffId}`, payload: { role: 'owner' } });
    });
    expect(added).toEqual([]);
  });
});

describe('secrets in the audit log', () => {
  it('never stores a password: creating staff, changing one’s password and signing in', async () => {
    const created = { username: 'audit-secret', displayName: '保密测试', role: 'service', password: 'first-password-123' };
    const newPassword = 'second-password-456';
    await app.inject({ method: 'POST', url: '/api/console/staff', headers: bearer(owner.token), payload: created });
    const login = await app.inject({ method: 'POST', url: '/api/console/auth/login', payload: { username: created.username, password: created.password } });
    await app.inject({
      method: 'POST',
      url: '/api/console/me/password',
      headers: bearer(login.json().accessToken),
      payload: { currentPassword: created.password, newPassword },
    });
    const stored = JSON.stringify((await entries()).map((e) => e.payload));
    for (const secret of [created.password, newPassword, owner.password, login.json().refreshToken]) expect(stored).not.toContain(secret);
    const passwordChange = (await entries()).find((e) => e.route === '/api/console/me/password');
    expect(passwordChange?.payload).toEqual({ currentPassword: '***', newPassword: '***' });
  });
});

describe('GET /api/console/audit-log', () => {
  let shop: App;
  let boss: StaffSessionForTest;
  let clerk: StaffSessionForTest;
  beforeAll(async () => {
    shop = await buildTestApp();
    boss = await staffSession(shop, 'owner');
    clerk = await staffSession(shop, 'operator');
    const { productId } = await createProduct(shop);
    for (const onShelf of [false, true, false]) {
      await shop.inject({ method: 'PUT', url: `/api/console/products/${productId}/shelf`, headers: bearer(clerk.token), payload: { onShelf } });
    }
    await shop.staffActionsSettled();
    // One entry from a day long past, for the date filter.
    await shop.db.update(staffActions).set({ createdAt: new Date('2025-05-01T15:59:00Z') }).where(sql`${staffActions.staffId} = ${boss.staffId}`);
  });
  afterAll(async () => {
    await shop.close();
  });

  const list = async (query: Record<string, string> = {}, token = boss.token) => {
    const res = await shop.inject({ method: 'GET', url: '/api/console/audit-log', query, headers: bearer(token) });
    return { status: res.statusCode, body: res.json() };
  };

  it('lists newest first with who and their current display name', async () => {
    const { body } = await list();
    expect(body.items.map((e: StaffAction) => e.action)).toEqual(['上架或下架', '上架或下架', '上架或下架', '后台登录', '后台登录']);
    expect(body.items[0]).toMatchObject({ staffId: clerk.staffId, username: clerk.username, displayName: '测试operator', role: 'operator', statusCode: 200 });
    expect(body.items.at(-1)).toMatchObject({ staffId: boss.staffId, action: '后台登录' });
  });

  it('pages with the cursor, each entry once', async () => {
    const first = await list({ limit: '2' });
    const second = await list({ limit: '2', cursor: first.body.nextCursor });
    const third = await list({ limit: '2', cursor: second.body.nextCursor });
    const ids = [...first.body.items, ...second.body.items, ...third.body.items].map((e: StaffAction) => e.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(third.body.nextCursor).toBeNull();
  });

  it('filters by staff member, by action text and by Shanghai days', async () => {
    expect((await list({ staffId: boss.staffId })).body.items).toHaveLength(1);
    expect((await list({ action: '上架' })).body.items).toHaveLength(3);
    expect((await list({ action: '%' })).body.items).toHaveLength(0);
    // 2025-05-01T15:59Z is 23:59 on 1 May in Shanghai.
    expect((await list({ from: '2025-05-01', to: '2025-05-01' })).body.items.map((e: StaffAction) => e.staffId)).toEqual([boss.staffId]);
    expect((await list({ from: '2025-05-02', to: '2025-05-02' })).body.items).toEqual([]);
    expect((await list({ from: '2025-05-02' })).body.items).toHaveLength(4);
  });

  it('refuses a range that ends before it starts', async () => {
    const { status, body } = await list({ from: '2025-05-02', to: '2025-05-01' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('AUDIT_RANGE_INVALID');
  });

  it.each(['operator', 'service', 'finance'] as const)('answers 403 to %s', async (role) => {
    const member = await staffSession(shop, role);
    expect((await list({}, member.token)).status).toBe(403);
  });
});

it('tells the owner’s staff list when each member last signed in, from the log', async () => {
  const member = await staffSession(app, 'service');
  await app.inject({ method: 'POST', url: '/api/console/auth/login', payload: { username: member.username, password: 'not-their-password' } });
  const created = await app.inject({
    method: 'POST',
    url: '/api/console/staff',
    headers: bearer(owner.token),
    payload: { username: 'never-signed-in', displayName: '新人', role: 'finance', password: 'new-member-password' },
  });
  await app.staffActionsSettled();
  const [signIn] = (await entries()).filter((e) => e.staffId === member.staffId && e.statusCode === 200);
  const res = await app.inject({ method: 'GET', url: '/api/console/staff', headers: bearer(owner.token) });
  const listed = new Map(res.json().items.map((m: { id: string; lastSignInAt: string | null }) => [m.id, m.lastSignInAt]));
  expect(listed.get(member.staffId)).toBe(signIn?.createdAt.toISOString());
  expect(listed.get(created.json().id)).toBeNull();
});

describe('when the audit log cannot be written', () => {
  it('still answers the action, and logs the failure at error level with the request id', async () => {
    const lines = new PassThrough();
    const logged: string[] = [];
    lines.on('data', (chunk: Buffer) => logged.push(...chunk.toString().split('\n').filter(Boolean)));
    const broken = await buildTestApp({ LOG_LEVEL: 'error' }, { logStream: lines });
    try {
      const member = await staffSession(broken, 'operator');
      await broken.db.execute(sql`drop table staff_actions`);
      const { productId } = await createProduct(broken);
      const res = await broken.inject({ method: 'PUT', url: `/api/console/products/${productId}/shelf`, headers: bearer(member.token), payload: { onShelf: false } });
      await broken.staffActionsSettled();
      expect(res.statusCode).toBe(200);
      const failure = logged.map((line) => JSON.parse(line)).find((line) => line.msg === 'staff action not recorded in the audit log');
      expect(failure).toMatchObject({ level: 50, requestId: res.headers['x-request-id'] });
    } finally {
      await broken.close();
    }
  });
});
