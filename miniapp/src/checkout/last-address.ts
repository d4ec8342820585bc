import type { ShippingAddress } from '@linli/shared/schemas/order';
import { addressFields, validateAddress, type AddressDraft } from './address-form';

/** Taro's synchronous storage, or a stand-in in tests. */
export interface KeyValueStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const KEY = 'linli.lastAddress';

function isDraft(value: unknown): value is AddressDraft {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return addressFields.every((field) => typeof record[field] === 'string');
}

/** The address the shopper last ordered to, if one is stored and still passes today's rules. */
export function lastAddress(storage: KeyValueStorage): ShippingAddress | null {
  const stored = storage.get(KEY);
  if (!isDraft(stored)) return null;
  const checked = validateAddress(stored);
  return checked.ok ? checked.address : null;
}

export function rememberAddress(storage: KeyValueStorage, address: ShippingAddress): void {
  storage.set(KEY, address);
}
