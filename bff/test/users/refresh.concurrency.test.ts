import type { App } from '../../src/app';
import { appOnFreshDatabase, describeOnPostgres } from '../pg-database';
import { shopperSession } from '../sessions';

describeOnPostgres('refresh-token rotation under concurrency on a real PostgreSQL server', () => {
  let app: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, close } = await appOnFreshDatabase());
  });
  afterAll(async () => {
    await close?.();
  });

  it('spends a token once when 20 requests present it together; the others count as reuse', async () => {
    const session = await shopperSession(app);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: session.refreshToken } }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 401).every((r) => r.json().error.code === 'REFRESH_TOKEN_REUSED')).toBe(true);
    const winner = results.find((r) => r.statusCode === 200)!.json().refreshToken;
    const afterwards = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: winner } });
    expect(afterwards.statusCode).toBe(401);
  });
});
