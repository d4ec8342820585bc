import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../config';
import { startFakeWechat, type FakeWechat } from './fake-wechat-server';
import type { WechatApi } from './wechat-api';
import { createWechatHttpClient } from './wechat-http-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** The local fake WeChat when no AppID is configured (dev and tests), so they can issue codes; else null. */
    wechatFake: FakeWechat | null;
  }
}

/**
 * The WeChat adapter for this app. With an AppID and secret: the real API. Without them (never in
 * production, config refuses to boot): the same HTTP client against a fake WeChat on loopback, so dev
 * and tests exercise the real request/response code path.
 */
export async function connectWechat(app: FastifyInstance, config: Config): Promise<WechatApi> {
  const { appid, secret, apiBase } = config.wechat;
  if (appid && secret) {
    app.decorate('wechatFake', null);
    return createWechatHttpClient({ appid, secret, baseUrl: apiBase });
  }
  if (config.env === 'production') throw new Error('WECHAT_APPID and WECHAT_SECRET are required in production');

  const fakeCredentials = { appid: `wxdev${randomBytes(8).toString('hex')}`, secret: randomBytes(16).toString('hex') };
  const fake = await startFakeWechat(fakeCredentials);
  app.addHook('onClose', () => fake.close());
  app.decorate('wechatFake', fake);
  app.log.warn({ baseUrl: fake.baseUrl }, 'WECHAT_APPID/WECHAT_SECRET not set: WeChat login uses a local fake');
  return createWechatHttpClient({ ...fakeCredentials, baseUrl: fake.baseUrl });
}
