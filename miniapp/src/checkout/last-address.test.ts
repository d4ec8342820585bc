import { lastAddress, rememberAddress, type KeyValueStorage } from './last-address';

function memoryStorage(): KeyValueStorage & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  // Taro's getStorageSync answers '' for a key never written.
  return { values, get: (key) => values.get(key) ?? '', set: (key, value) => void values.set(key, value) };
}

const address = { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' };

describe('the last used address', () => {
  it('is empty before any order', () => {
    expect(lastAddress(memoryStorage())).toBeNull();
  });

  it('comes back as it was remembered', () => {
    const storage = memoryStorage();
    rememberAddress(storage, address);
    expect(lastAddress(storage)).toEqual(address);
  });

  it('is ignored when what is stored is not an address the BFF would take', () => {
    const storage = memoryStorage();
    storage.values.set('linli.lastAddress', { ...address, phone: 'call me' });
    expect(lastAddress(storage)).toBeNull();
    storage.values.set('linli.lastAddress', 'garbage');
    expect(lastAddress(storage)).toBeNull();
  });
});
