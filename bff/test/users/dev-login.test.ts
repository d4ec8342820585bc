import type { App } from '../../src/app';
import { buildTestApp } from '../helper';

function devLogin(app: App, name: string) {
  return app.inject({ method: 'POST', url: '/api/auth/dev-login', payload: { name } });
}

describe('dev-login with DEV_LOGIN=true', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ DEV_LOGIN: 'true' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates a shopper named after the login and signs the same one in next time', async () => {
    const first = await devLogin(app, '测试买家');
    expect(first.statusCode).toBe(200);
    expect(first.json().user.nickname).toBe('测试买家');
    const second = await devLogin(app, '测试买家');
    expect(second.json().user.id).toBe(first.json().user.id);
  });

  it('keeps different names apart', async () => {
    const a = await devLogin(app, 'alice');
    const b = await devLogin(app, 'bob');
    expect(a.json().user.id).not.toBe(b.json().user.id);
  });

  it('rejects a name longer than 32 characters', async () => {
    const res = await devLogin(app, 'x'.repeat(33));
    expect(res.statusCode).toBe(400);
  });
});

describe('dev-login with DEV_LOGIN=false', () => {
  it('has no dev-login route (404)', async () => {
    const app = await buildTestApp({ DEV_LOGIN: 'false' });
    try {
      const res = await devLogin(app, 'anyone');
      expect(res.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
