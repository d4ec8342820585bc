import { newIdempotencyKey } from './idempotency';

export interface DeviceStorage {
  get(): unknown;
  set(id: string): void;
}

/**
 * This phone's id for the BFF's per-device limits on sign-ins and share opens (X-Device-Id): made once,
 * then kept in storage, so one phone counts as one however many accounts sign in on it. It only has to
 * tell devices apart, which time plus 82 random bits does; it says nothing about the shopper.
 */
export function deviceId(storage: DeviceStorage, nowMs: number, random: () => number = Math.random): string {
  const stored = storage.get();
  if (typeof stored === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
  const id = newIdempotencyKey('device', nowMs, random);
  storage.set(id);
  return id;
}
