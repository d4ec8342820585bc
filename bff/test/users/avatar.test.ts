import { renderProductImage } from '../../src/modules/catalog/demo/product-image';
import type { App } from '../../src/app';
import { multipartFile } from '../catalog/catalog-console-client';
import { bearer, buildTestApp } from '../helper';
import { shopperSession } from '../sessions';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

function uploadAvatar(token: string | null, bytes: Buffer, contentType = 'image/png') {
  const form = multipartFile('avatar.png', bytes, contentType);
  const auth = token === null ? {} : bearer(token);
  return app.inject({ method: 'POST', url: '/api/me/avatar', payload: form.payload, headers: { ...auth, ...form.headers } });
}

const png = renderProductImage({ hue: 200, motif: 'leaf', variant: 1, size: 32 });

describe('POST /api/me/avatar', () => {
  it('stores the chosen picture, makes it my avatar and serves it', async () => {
    const session = await shopperSession(app, '换头像');
    const res = await uploadAvatar(session.token, png);
    expect(res.statusCode).toBe(200);
    const me = res.json<{ avatarUrl: string; nickname: string }>();
    expect(me.avatarUrl).toMatch(/^\/media\/avatars\/[0-9a-f]{32}\.png$/);
    expect(me.nickname).toBe('换头像');
    const served = await app.inject({ method: 'GET', url: me.avatarUrl });
    expect(served.statusCode).toBe(200);
    const again = await app.inject({ method: 'GET', url: '/api/me', headers: bearer(session.token) });
    expect(again.json()).toMatchObject({ avatarUrl: me.avatarUrl });
  });

  it('refuses a file that is not an image with 415 UNSUPPORTED_IMAGE_TYPE and keeps the old avatar', async () => {
    const session = await shopperSession(app);
    const res = await uploadAvatar(session.token, Buffer.from('<svg onload="alert(1)"></svg>'));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_IMAGE_TYPE');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: bearer(session.token) });
    expect(me.json()).toMatchObject({ avatarUrl: '' });
  });

  it('refuses an upload without a shopper token', async () => {
    const res = await uploadAvatar(null, png);
    expect(res.statusCode).toBe(401);
  });
});
