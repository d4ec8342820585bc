import Taro from '@tarojs/taro';

const KEY = 'linli.visitor';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

let cached: string | null = null;

/** The device's anonymous id, made once and kept in storage: it counts visitors who never sign in. */
export function visitorId(): string {
  if (cached !== null) return cached;
  const stored: unknown = Taro.getStorageSync(KEY);
  if (typeof stored === 'string' && /^v_[a-z0-9]{16}$/.test(stored)) {
    cached = stored;
    return stored;
  }
  // Not a secret and not unguessable: it only tells one anonymous device from another.
  const made = `v_${Array.from({ length: 16 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('')}`;
  Taro.setStorageSync(KEY, made);
  cached = made;
  return made;
}
