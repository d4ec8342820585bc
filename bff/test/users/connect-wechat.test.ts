import { buildTestApp } from '../helper';
import { startFakeWechat } from '../../src/modules/users/wechat/fake-wechat-server';

describe('connectWechat', () => {
  it('talks to the configured WeChat with the configured AppID and secret, starting no fake', async () => {
    const wechat = await startFakeWechat({ appid: 'wx-configured-app', secret: 'configured-secret' });
    const app = await buildTestApp({ WECHAT_APPID: 'wx-configured-app', WECHAT_SECRET: 'configured-secret', WECHAT_API_BASE: wechat.baseUrl });
    try {
      expect(app.wechatFake).toBeNull();
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/wechat-login',
        payload: { code: wechat.issueLoginCode('openid-configured') },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
      await wechat.close();
    }
  });

  it('without credentials, starts a fake WeChat on loopback and stops it when the app closes', async () => {
    const app = await buildTestApp();
    const fake = app.wechatFake!;
    expect(new URL(fake.baseUrl).hostname).toBe('127.0.0.1');
    const code = fake.issueLoginCode('openid-dev');
    const res = await app.inject({ method: 'POST', url: '/api/auth/wechat-login', payload: { code } });
    expect(res.statusCode).toBe(200);
    await app.close();
    await expect(fetch(`${fake.baseUrl}/sns/jscode2session`)).rejects.toThrow();
  });
});
