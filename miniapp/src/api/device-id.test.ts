import { deviceId, type DeviceStorage } from './device-id';

function memoryStorage(initial?: unknown): DeviceStorage & { value: unknown } {
  return {
    value: initial,
    get() {
      return this.value;
    },
    set(id) {
      this.value = id;
    },
  };
}

describe('deviceId', () => {
  it('makes an id the BFF accepts on first use and keeps it', () => {
    const storage = memoryStorage();

    const first = deviceId(storage, Date.UTC(2026, 11, 7));

    expect(first).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(storage.value).toBe(first);
    expect(deviceId(storage, Date.UTC(2026, 11, 8))).toBe(first);
  });

  it('replaces what storage holds when it is not an id', () => {
    const storage = memoryStorage({ not: 'an id' });

    const id = deviceId(storage, 0, () => 0.5);

    expect(id).not.toEqual({ not: 'an id' });
    expect(storage.value).toBe(id);
  });
});
