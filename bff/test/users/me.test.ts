import type { App } from '../../src/app';
import { bearer, buildTestApp } from '../helper';
import { shopperSession } from '../sessions';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

function patchMe(token: string, payload: object) {
  return app.inject({ method: 'PATCH', url: '/api/me', headers: bearer(token), payload });
}

function bindPhone(token: string, code: string) {
  return app.inject({ method: 'POST', url: '/api/me/phone', headers: bearer(token), payload: { code } });
}

describe('GET /api/me', () => {
  it('shows the signed-in shopper without a phone until one is bound', async () => {
    const session = await shopperSession(app, '小王');
    const res = await app.inject({ method: 'GET', url: '/api/me', headers: bearer(session.token) });
    expect(res.json()).toEqual({ id: session.userId, nickname: '小王', avatarUrl: '', phoneMasked: null });
  });
});

describe('PATCH /api/me', () => {
  it('changes the nickname and avatar the shopper entered', async () => {
    const session = await shopperSession(app);
    const res = await patchMe(session.token, { nickname: '邻里小李', avatarUrl: 'https://cdn.example.com/a.png' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nickname: '邻里小李', avatarUrl: 'https://cdn.example.com/a.png' });
  });

  it('changes only the fields sent', async () => {
    const session = await shopperSession(app, 'keeps-name');
    const res = await patchMe(session.token, { avatarUrl: '/media/avatars/me.png' });
    expect(res.json()).toMatchObject({ nickname: 'keeps-name', avatarUrl: '/media/avatars/me.png' });
  });

  it('rejects a nickname longer than 32 characters', async () => {
    const session = await shopperSession(app);
    const res = await patchMe(session.token, { nickname: '长'.repeat(33) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('rejects an avatar that is not a web address', async () => {
    const session = await shopperSession(app);
    const res = await patchMe(session.token, { avatarUrl: 'javascript:alert(1)' });
    expect(res.statusCode).toBe(400);
  });

  it('rejects fields a shopper may not set, such as the phone', async () => {
    const session = await shopperSession(app);
    const res = await patchMe(session.token, { nickname: 'ok', phone: '13800138000' });
    expect(res.statusCode).toBe(400);
  });

  it('rejects an empty change', async () => {
    const session = await shopperSession(app);
    expect((await patchMe(session.token, {})).statusCode).toBe(400);
  });
});

describe('POST /api/me/phone', () => {
  it('binds the number from the getPhoneNumber code and shows it masked', async () => {
    const session = await shopperSession(app);
    const res = await bindPhone(session.token, app.wechatFake!.issuePhoneCode('13800138000'));
    expect(res.statusCode).toBe(200);
    expect(res.json().phoneMasked).toBe('138****8000');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: bearer(session.token) });
    expect(me.json().phoneMasked).toBe('138****8000');
    expect(me.body).not.toContain('13800138000');
  });

  it('answers 400 WECHAT_CODE_INVALID for a phone code WeChat does not know', async () => {
    const session = await shopperSession(app);
    const res = await bindPhone(session.token, 'not-a-phone-code');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('requires a signed-in shopper', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/me/phone', payload: { code: 'x' } });
    expect(res.statusCode).toBe(401);
  });
});
