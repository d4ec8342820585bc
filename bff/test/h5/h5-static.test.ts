import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '../../src/app';
import { buildTestApp } from '../helper';
import { captureLog } from '../platform/captured-log';

const indexHtml = '<!doctype html><html><head><script src="/h5/js/app.1a2b3c4d.js"></script></head><body></body></html>';
const appJs = 'console.log("邻里");';

describe('the h5 build served at /h5/', () => {
  let dir: string;
  let app: App;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'linli-h5-'));
    mkdirSync(path.join(dir, 'js'));
    writeFileSync(path.join(dir, 'index.html'), indexHtml);
    writeFileSync(path.join(dir, 'js', 'app.1a2b3c4d.js'), appJs);
    writeFileSync(path.join(dir, 'logo.png'), 'not really a png');
    writeFileSync(path.join(dir, '.env'), 'SECRET=1');
    app = await buildTestApp({ H5_DIR: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /h5/ and makes browsers revalidate it on every load', async () => {
    const res = await app.inject({ method: 'GET', url: '/h5/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(indexHtml);
  });

  it('sends /h5 to /h5/ so relative URLs resolve inside the app', async () => {
    const res = await app.inject({ method: 'GET', url: '/h5' });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/h5/');
  });

  it('lets browsers keep a hashed asset for a year without asking again', async () => {
    const res = await app.inject({ method: 'GET', url: '/h5/js/app.1a2b3c4d.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe(appJs);
  });

  it('revalidates an asset whose name carries no content hash', async () => {
    const res = await app.inject({ method: 'GET', url: '/h5/logo.png' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing file, a dotfile and a path out of the folder', async () => {
    for (const url of ['/h5/js/missing.js', '/h5/.env', '/h5/%2e%2e/package.json']) {
      expect({ url, status: (await app.inject({ method: 'GET', url })).statusCode }).toEqual({ url, status: 404 });
    }
  });

  it('leaves the API where it was', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('without an h5 build', () => {
  it('does not register /h5/ and says so in the log', async () => {
    const missing = path.join(tmpdir(), 'linli-h5-never-built');
    const log = captureLog();
    const app = await buildTestApp({ H5_DIR: missing, LOG_LEVEL: 'info' }, { logStream: log.stream });
    try {
      expect((await app.inject({ method: 'GET', url: '/h5/' })).statusCode).toBe(404);
      expect(log.lines().some((line) => line.msg === 'no h5 build found: /h5/ is not served' && line.h5Dir === missing)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
