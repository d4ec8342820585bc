import Taro from '@tarojs/taro';
import type { SessionStore, StoredSession } from './auth-session';

const KEY = 'linli.session';

function isStoredSession(value: unknown): value is StoredSession {
  return (
    typeof value === 'object' &&
    value !== null &&
    'accessToken' in value &&
    typeof value.accessToken === 'string' &&
    'refreshToken' in value &&
    typeof value.refreshToken === 'string'
  );
}

/** The shopper's tokens in Taro storage (wx storage on weapp, localStorage on h5). */
export const taroSessionStore: SessionStore = {
  read() {
    const value: unknown = Taro.getStorageSync(KEY);
    return isStoredSession(value) ? value : null;
  },
  write(session) {
    Taro.setStorageSync(KEY, session);
  },
  clear() {
    Taro.removeStorageSync(KEY);
  },
};
