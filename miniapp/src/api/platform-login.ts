import Taro from '@tarojs/taro';
import { ApiError } from './api-error';
import type { LoginRequest } from './auth-session';

const DEVICE_NAME_KEY = 'linli.deviceName';

/**
 * The h5 build has no WeChat identity; the BFF's dev login (off in production) makes one per name.
 * A name drawn once per browser and kept makes that browser the same shopper on every visit.
 */
function deviceName(): string {
  const kept: unknown = Taro.getStorageSync(DEVICE_NAME_KEY);
  if (typeof kept === 'string' && kept !== '') return kept;
  const name = `访客${Math.random().toString(36).slice(2, 10)}`;
  Taro.setStorageSync(DEVICE_NAME_KEY, name);
  return name;
}

async function wechatCode(): Promise<string> {
  try {
    const { code } = await Taro.login();
    return code;
  } catch {
    throw new ApiError(0, 'WECHAT_LOGIN_FAILED', '微信登录失败，请稍后重试');
  }
}

/** weapp: a wx.login code for the BFF to exchange; h5: the device's dev-login name. */
export async function platformLoginRequest(): Promise<LoginRequest> {
  if (process.env.TARO_ENV === 'weapp') return { path: '/api/auth/wechat-login', body: { code: await wechatCode() } };
  return { path: '/api/auth/dev-login', body: { name: deviceName() } };
}
