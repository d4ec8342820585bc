import { buildApp, type App } from '../../src/app';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { testConfig } from '../helper';
import { captureLog } from './captured-log';

let database: DatabaseHandle;
let app: App;
let log: ReturnType<typeof captureLog>;
let databaseAnswers = true;

beforeAll(async () => {
  database = await openDatabase({ url: null, poolMax: 1, pgliteDir: 'memory' });
  // The real database, except that its ping fails whenever a test says the database is gone.
  const flaky: DatabaseHandle = {
    ...database,
    ping: async () => {
      if (!databaseAnswers) throw new Error('connect ECONNREFUSED 10.0.0.5:5432');
      await database.ping();
    },
  };
  log = captureLog();
  app = await buildApp(testConfig({ LOG_LEVEL: 'info' }), { database: flaky, logStream: log.stream });
  await app.ready();
});
afterEach(() => {
  databaseAnswers = true;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('health checks', () => {
  it('/healthz answers 200 ok', async () => {
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 ready, naming the database it reached', async () => {
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  it('/readyz answers 503 NOT_READY when the database ping fails', async () => {
    databaseAnswers = false;
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: { code: 'NOT_READY', message: expect.any(String) } });
    expect(res.body).not.toContain('10.0.0.5');
  });

  it('logs why /readyz was not ready, under the request id', async () => {
    databaseAnswers = false;
    const res = await app.inject({ url: '/readyz' });
    const warning = log.lines().find((line) => line.reqId === res.headers['x-request-id'] && line.level === 40);
    expect(warning?.err?.message).toContain('ECONNREFUSED');
  });

  it('/healthz still answers 200 while the database is unreachable', async () => {
    databaseAnswers = false;
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
