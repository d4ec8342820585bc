import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '../../src/app';
import { buildTestApp } from '../helper';
import { captureLog } from '../platform/captured-log';

const indexHtml = '<!doctype html><html><head><script type="module" src="/console/assets/index.0a1b2c3d.js"></script></head><body><div id="root"></div></body></html>';
const appJs = 'console.log("邻里后台");';

describe('the merchant console served at /console/', () => {
  let dir: string;
  let app: App;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'linli-console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), indexHtml);
    writeFileSync(path.join(dir, 'assets', 'index.0a1b2c3d.js'), appJs);
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(dir, '.env'), 'SECRET=1');
    app = await buildTestApp({ CONSOLE_DIR: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /console/, revalidated on every load and never framed', async () => {
    const res = await app.inject({ method: 'GET', url: '/console/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.body).toBe(indexHtml);
  });

  it('answers a client route (a reload on /console/orders/…) with index.html', async () => {
    for (const url of ['/console/dashboard', '/console/orders/123?tab=events', '/console/account/password']) {
      const res = await app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode, cache: res.headers['cache-control'], body: res.body }).toEqual({
        url,
        status: 200,
        cache: 'no-cache',
        body: indexHtml,
      });
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('sends /console to /console/', async () => {
    const res = await app.inject({ method: 'GET', url: '/console' });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/console/');
  });

  it('lets browsers keep a hashed asset for a year without asking again', async () => {
    const res = await app.inject({ method: 'GET', url: '/console/assets/index.0a1b2c3d.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe(appJs);
  });

  it('revalidates a file whose name carries no content hash', async () => {
    const res = await app.inject({ method: 'GET', url: '/console/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset, a dotfile and a path out of the folder with the JSON 404, not the page', async () => {
    for (const url of ['/console/assets/missing.0a1b2c3d.js', '/console/.env', '/console/%2e%2e/package.json']) {
      const res = await app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode, code: res.json().error.code }).toEqual({ url, status: 404, code: 'ROUTE_NOT_FOUND' });
    }
  });

  it('does not answer a POST to a client route with the page', async () => {
    const res = await app.inject({ method: 'POST', url: '/console/dashboard', payload: {} });
    expect(res.statusCode).toBe(404);
  });

  it('leaves the API and its JSON 404 where they were', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const missing = await app.inject({ method: 'GET', url: '/api/console/no-such-route' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('without a console build', () => {
  it('does not register /console/ and says so in the log', async () => {
    const missing = path.join(tmpdir(), 'linli-console-never-built');
    const log = captureLog();
    const app = await buildTestApp({ CONSOLE_DIR: missing, LOG_LEVEL: 'info' }, { logStream: log.stream });
    try {
      expect((await app.inject({ method: 'GET', url: '/console/' })).statusCode).toBe(404);
      expect(log.lines().some((line) => line.msg === 'no console build found: /console/ is not served' && line.consoleDir === missing)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
