import { renderProductImage } from '../../src/modules/catalog/demo/product-image';
import type { App } from '../../src/app';
import { buildTestApp } from '../helper';
import { staffSession } from '../sessions';
import { consoleCatalog, multipartFile } from './catalog-console-client';

let app: App;
let headers: { authorization: string };
beforeAll(async () => {
  app = await buildTestApp();
  headers = consoleCatalog(app, (await staffSession(app, 'operator')).token).headers;
});
afterAll(async () => {
  await app.close();
});

function upload(filename: string, bytes: Buffer, contentType = 'image/png') {
  const form = multipartFile(filename, bytes, contentType);
  return app.inject({ method: 'POST', url: '/api/console/images', payload: form.payload, headers: { ...headers, ...form.headers } });
}

const png = renderProductImage({ hue: 120, motif: 'leaf', variant: 0, size: 32 });

describe('image upload', () => {
  it('stores a PNG and serves it back with long-lived cache headers', async () => {
    const res = await upload('leaf.png', png);
    expect(res.statusCode).toBe(201);
    const { url } = res.json<{ url: string }>();
    expect(url).toMatch(/^\/media\/uploads\/[0-9a-f]{32}\.png$/);

    const served = await app.inject({ method: 'GET', url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.rawPayload.equals(png)).toBe(true);
  });

  it('gives the same picture the same URL however often it is uploaded', async () => {
    const first = (await upload('a.png', png)).json<{ url: string }>().url;
    const second = (await upload('b.png', png)).json<{ url: string }>().url;
    expect(second).toBe(first);
  });

  it('judges the type by the bytes: a JPEG sent as image/png is stored as .jpg', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const res = await upload('photo.png', jpeg, 'image/png');
    expect(res.json<{ url: string }>().url).toMatch(/\.jpg$/);
  });

  it('refuses a text file renamed .png with 415 UNSUPPORTED_IMAGE_TYPE', async () => {
    const res = await upload('innocent.png', Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_IMAGE_TYPE');
  });

  it('refuses a file over 2 MB with 413 IMAGE_TOO_LARGE', async () => {
    const big = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const res = await upload('big.png', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('IMAGE_TOO_LARGE');
  });

  it('refuses a request that is not multipart with 415', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/console/images', headers, payload: { url: 'https://x.example/a.png' } });
    expect(res.statusCode).toBe(415);
  });

  it('does not serve files outside the media folder', async () => {
    const res = await app.inject({ method: 'GET', url: '/media/%2e%2e/%2e%2e/package.json' });
    expect(res.statusCode).toBe(404);
  });
});
