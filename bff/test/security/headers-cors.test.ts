import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '../../src/app';
import { buildTestApp } from '../helper';

/**
 * Security headers on what the BFF serves (API, console, h5 build, API docs) and CORS for the h5
 * origins in CORS_ORIGINS. The builds here are stand-ins shaped like the real ones: Taro's h5
 * index.html inlines its start-up script, Vite's console index loads a module script.
 */

const h5Origin = 'https://h5.linli.example';
const taroStartup = '!function(n){n.documentElement.style.fontSize=n.documentElement.clientWidth/20+"px"}(document);';
const h5Index = `<!doctype html><html><head><script>${taroStartup}</script><link href="/h5/css/app.0a1b2c3d.css" rel="stylesheet"></head><body><div id="app"></div><script src="/h5/js/app.0a1b2c3d.js"></script></body></html>`;
const consoleIndex = '<!doctype html><html><head><script type="module" src="/console/assets/index.0a1b2c3d.js"></script></head><body><div id="root"></div></body></html>';

const figures = { pages: 0, origins: 0, allowed: 0 };

let dir: string;
let app: App;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'linli-headers-'));
  mkdirSync(path.join(dir, 'h5'));
  mkdirSync(path.join(dir, 'console'));
  writeFileSync(path.join(dir, 'h5', 'index.html'), h5Index);
  writeFileSync(path.join(dir, 'console', 'index.html'), consoleIndex);
  app = await buildTestApp({ H5_DIR: path.join(dir, 'h5'), CONSOLE_DIR: path.join(dir, 'console'), CORS_ORIGINS: `${h5Origin}, http://127.0.0.1:10086` });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`security headers and CORS: ${figures.pages} pages checked for headers, ${figures.origins} origins tried, ${figures.allowed} allowed`);
});

function policyOf(headers: Record<string, unknown>): Record<string, string[]> {
  const text = String(headers['content-security-policy'] ?? '');
  return Object.fromEntries(text.split(';').map((d) => d.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...values]) => [name!, values]));
}

async function preflight(origin: string, target = app) {
  const res = await target.inject({
    method: 'OPTIONS',
    url: '/api/cart',
    headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
  });
  figures.origins += 1;
  if (res.headers['access-control-allow-origin']) figures.allowed += 1;
  return res;
}

describe('security headers', () => {
  it('sends the same protective headers on the API, the console, the h5 build and the docs', async () => {
    const pages = ['/api/products', '/api/orders', '/console/', '/console/orders/1', '/h5/', '/docs/static/index.html', '/no-such-route'];
    const seen: Record<string, unknown> = {};
    figures.pages += pages.length;
    for (const url of pages) {
      const { headers } = await app.inject({ url });
      seen[url] = {
        nosniff: headers['x-content-type-options'],
        referrer: headers['referrer-policy'],
        hsts: headers['strict-transport-security'],
        framing: policyOf(headers)['frame-ancestors'],
        objects: policyOf(headers)['object-src'],
        poweredBy: headers['x-powered-by'],
      };
    }
    const expected = { nosniff: 'nosniff', referrer: 'no-referrer', hsts: expect.stringMatching(/^max-age=\d+/), framing: ["'none'"], objects: ["'none'"], poweredBy: undefined };
    expect(seen).toEqual(Object.fromEntries(pages.map((url) => [url, expected])));
  });

  it('lets the h5 page run its own scripts and Taro’s inline start-up script, and nothing inline besides', async () => {
    const res = await app.inject({ url: '/h5/' });
    const policy = policyOf(res.headers);
    const startupHash = `'sha256-${createHash('sha256').update(taroStartup).digest('base64')}'`;

    expect(res.statusCode).toBe(200);
    expect(policy['script-src']).toEqual(["'self'", startupHash]);
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
  });

  it('lets the console load its module scripts, antd’s inline styles and https images', async () => {
    const policy = policyOf((await app.inject({ url: '/console/' })).headers);

    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toContain("'self'");
    expect(policy['style-src']).toContain("'unsafe-inline'");
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https:']);
  });
});

describe('CORS', () => {
  it('answers a preflight from a configured h5 origin with that origin and the headers the API reads', async () => {
    const res = await preflight(h5Origin);

    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(h5Origin);
    expect(String(res.headers['access-control-allow-methods']).split(/, */)).toContain('PUT');
    expect(String(res.headers['access-control-allow-headers']).split(/, */)).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets a configured origin read an answer and its request id', async () => {
    const res = await app.inject({ url: '/api/products', headers: { origin: h5Origin } });

    expect(res.headers['access-control-allow-origin']).toBe(h5Origin);
    expect(res.headers['access-control-expose-headers']).toContain('x-request-id');
    expect(res.headers.vary).toContain('Origin');
  });

  it('allows no other origin, not even one that merely starts like a configured one', async () => {
    const refused = ['https://evil.example', `${h5Origin}.evil.example`, 'http://h5.linli.example', 'null'];
    const allowed = await Promise.all(refused.map(async (origin) => (await preflight(origin)).headers['access-control-allow-origin']));
    expect(allowed).toEqual(refused.map(() => undefined));
  });

  it('allows no cross-origin call at all when CORS_ORIGINS is unset', async () => {
    const sameOriginOnly = await buildTestApp();
    try {
      const res = await preflight(h5Origin, sameOriginOnly);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await sameOriginOnly.close();
    }
  });

  it('refuses to boot with a CORS origin that is not an origin', async () => {
    await expect(buildTestApp({ CORS_ORIGINS: 'https://h5.linli.example/path, *' })).rejects.toThrow(/CORS_ORIGINS: not an origin .*\/path, \*/);
  });
});
