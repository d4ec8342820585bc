import { sql } from 'drizzle-orm';
import { buildApp, type App } from '../../src/app';
import { createShopper } from '../fixtures';
import { testConfig } from '../helper';
import { captureLog } from './captured-log';

let app: App;
let log: ReturnType<typeof captureLog>;

beforeAll(async () => {
  log = captureLog();
  app = await buildApp(testConfig({ LOG_LEVEL: 'info' }), { logStream: log.stream });
  // Stands in for a future handler that logs what it was sent.
  app.get('/test/log-my-headers', async (request) => {
    request.log.info({ headers: request.headers }, 'headers as received');
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

function linesOf(requestId: string) {
  return log.lines().filter((line) => line.reqId === requestId);
}

describe('request logs', () => {
  it("logs a request's Authorization header as '[redacted]' and its bearer token nowhere", async () => {
    const shopper = await createShopper(app, 'log-reader');
    const res = await app.inject({ url: '/api/me', headers: shopper.headers });
    expect(res.statusCode).toBe(200);

    const incoming = linesOf(String(res.headers['x-request-id'])).find((line) => line.msg === 'incoming request');
    expect(incoming?.req?.headers?.authorization).toBe('[redacted]');
    expect(log.text()).not.toContain(shopper.token);
  });

  it('censors credential headers that a handler logs itself', async () => {
    const shopper = await createShopper(app, 'header-logger');
    const res = await app.inject({
      url: '/test/log-my-headers',
      headers: { ...shopper.headers, cookie: 'session=cookie-secret-value', 'wechatpay-signature': 'signature-secret-value' },
    });

    const logged = linesOf(String(res.headers['x-request-id'])).find((line) => line.msg === 'headers as received');
    expect(logged?.headers).toMatchObject({ authorization: '[redacted]', cookie: '[redacted]', 'wechatpay-signature': '[redacted]' });
    for (const secret of [shopper.token, 'cookie-secret-value', 'signature-secret-value']) expect(log.text()).not.toContain(secret);
  });

  it("tags each request's log lines with that request's id", async () => {
    const [first, second] = await Promise.all([app.inject({ url: '/healthz' }), app.inject({ url: '/readyz' })]);
    const firstId = String(first!.headers['x-request-id']);
    const secondId = String(second!.headers['x-request-id']);
    expect(firstId).not.toBe(secondId);

    expect(linesOf(firstId).map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(linesOf(firstId)[0]?.req?.url).toBe('/healthz');
    expect(linesOf(secondId).map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(linesOf(secondId)[0]?.req?.url).toBe('/readyz');
  });

  it('echoes a well-formed incoming x-request-id and logs the request under it', async () => {
    const res = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'edge-7f3a9c21-trace' } });
    expect(res.headers['x-request-id']).toBe('edge-7f3a9c21-trace');
    expect(linesOf('edge-7f3a9c21-trace').map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
  });

  it.each([
    ['shorter than 8 characters', 'abc'],
    ['longer than 64 characters', 'x'.repeat(65)],
    ['with characters outside [A-Za-z0-9_-]', 'id with "quotes" and spaces'],
  ])('replaces an incoming x-request-id %s with a generated one', async (_case, incoming) => {
    const res = await app.inject({ url: '/healthz', headers: { 'x-request-id': incoming } });
    const id = String(res.headers['x-request-id']);
    expect(id).not.toBe(incoming);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(linesOf(id)).toHaveLength(2);
  });
});

describe('an unexpected failure', () => {
  // A schema drift the code does not expect: every catalog query now fails inside PostgreSQL.
  beforeAll(async () => {
    await app.database.rows(app.db, sql`alter table categories rename to categories_moved`);
  });
  afterAll(async () => {
    await app.database.rows(app.db, sql`alter table categories_moved rename to categories`);
  });

  it('answers 500 INTERNAL with neither stack trace nor SQL in the body', async () => {
    const res = await app.inject({ url: '/api/categories' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(res.body).not.toMatch(/categories|select|relation|\bat \S+:\d+/i);
  });

  it('logs the error, with the SQL failure, under the request id it answered with', async () => {
    const res = await app.inject({ url: '/api/categories' });
    const id = String(res.headers['x-request-id']);
    expect(res.json().error.message).toContain(id);

    const errorLine = linesOf(id).find((line) => line.level === 50);
    expect(errorLine?.err?.message).toMatch(/categories/);
    expect(errorLine?.err?.stack).toBeDefined();
  });
});
