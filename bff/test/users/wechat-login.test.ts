import { eq } from 'drizzle-orm';
import type { App } from '../../src/app';
import { users } from '../../src/modules/users/tables';
import type { FakeWechat } from '../../src/modules/users/wechat/fake-wechat-server';
import { WechatApiError, type WechatApi } from '../../src/modules/users/wechat/wechat-api';
import { buildTestApp } from '../helper';

let app: App;
let wechat: FakeWechat;
beforeAll(async () => {
  app = await buildTestApp();
  wechat = app.wechatFake!;
});
afterAll(async () => {
  await app.close();
});

function login(code: string) {
  return app.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code } });
}

describe('WeChat login', () => {
  it('creates the shopper on the first login and signs the same shopper in on the next', async () => {
    const first = await login(wechat.issueLoginCode('openid-returning'));
    expect(first.statusCode).toBe(200);
    const second = await login(wechat.issueLoginCode('openid-returning'));
    expect(second.json().user.id).toBe(first.json().user.id);
    const rows = await app.db.select().from(users).where(eq(users.openid, 'openid-returning'));
    expect(rows).toHaveLength(1);
  });

  it('answers with an access token, a refresh token and the profile', async () => {
    const res = await login(wechat.issueLoginCode('openid-fresh'));
    const body = res.json();
    expect(body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: { id: expect.any(String), nickname: '', avatarUrl: '', phoneMasked: null },
    });
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.json().id).toBe(body.user.id);
  });

  it('stores the unionid WeChat reports', async () => {
    await login(wechat.issueLoginCode('openid-union', { unionid: 'union-1' }));
    const [row] = await app.db.select().from(users).where(eq(users.openid, 'openid-union'));
    expect(row?.unionid).toBe('union-1');
  });

  it('answers 400 WECHAT_CODE_INVALID for a code WeChat never issued (40029)', async () => {
    const res = await login('no-such-code');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('answers 400 WECHAT_CODE_INVALID for a code used twice (40163)', async () => {
    const code = wechat.issueLoginCode('openid-twice');
    await login(code);
    const res = await login(code);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('WECHAT_CODE_INVALID');
  });

  it('answers 429 WECHAT_RATE_LIMITED when WeChat reports the minute quota reached (45011)', async () => {
    wechat.setRateLimit(0);
    try {
      const res = await login(wechat.issueLoginCode('openid-limited'));
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('WECHAT_RATE_LIMITED');
    } finally {
      wechat.setRateLimit(null);
    }
  });

  it('answers 403 WECHAT_RISKY_USER for an account WeChat flags as risky (40226)', async () => {
    wechat.markRisky('openid-risky');
    const res = await login(wechat.issueLoginCode('openid-risky'));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('WECHAT_RISKY_USER');
  });

  it('rejects a body with fields it does not know', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code: 'x', openid: 'forged' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('WeChat login against a stubbed WeChat', () => {
  function stub(code2Session: WechatApi['code2Session']): WechatApi {
    const unused = () => Promise.reject(new Error('not used in this test'));
    return { code2Session, getPhoneNumber: unused, getUnlimitedCode: unused };
  }

  it.each([
    [-1, 'system busy'],
    [40125, 'invalid appsecret'],
    [40013, 'invalid appid'],
  ])('answers 502 WECHAT_UNAVAILABLE for any other errcode (%i)', async (errcode, errmsg) => {
    const stubbed = await buildTestApp({}, {
      wechat: stub(() => Promise.reject(new WechatApiError('code2Session', errcode, errmsg))),
    });
    try {
      const res = await stubbed.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code: 'any' } });
      expect(res.statusCode).toBe(502);
      expect(res.json().error.code).toBe('WECHAT_UNAVAILABLE');
    } finally {
      await stubbed.close();
    }
  });

  it('never puts the session key in the response', async () => {
    const sessionKey = 'SESSION-KEY-SENTINEL-tiXgDd3S';
    const stubbed = await buildTestApp({}, {
      wechat: stub(async () => ({ openid: 'openid-sentinel', unionid: null, sessionKey })),
    });
    try {
      const res = await stubbed.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code: 'any' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(sessionKey);
      expect(res.body.toLowerCase()).not.toContain('session');
    } finally {
      await stubbed.close();
    }
  });
});
