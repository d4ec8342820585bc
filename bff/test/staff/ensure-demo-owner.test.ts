import type { App } from '../../src/app';
import { ensureDemoOwner } from '../../src/modules/staff/ensure-demo-owner';
import { buildTestApp } from '../helper';

describe('ensureDemoOwner', () => {
  let app: App;
  beforeEach(async () => {
    app = await buildTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('creates owner `owner` with a random password in a shop without staff, and that password signs in', async () => {
    const credentials = await ensureDemoOwner(app.db);
    expect(credentials?.username).toBe('owner');
    expect(credentials!.password.length).toBeGreaterThanOrEqual(10);
    const login = await app.inject({ method: 'POST', url: '/api/console/auth/login', payload: credentials! });
    expect(login.json().staff.role).toBe('owner');
  });

  it('does nothing and returns null once any staff member exists', async () => {
    await ensureDemoOwner(app.db);
    expect(await ensureDemoOwner(app.db)).toBeNull();
  });
});
