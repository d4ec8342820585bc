import { maskedSecret } from '@linli/shared/schemas/audit';

/** Keys whose values never reach the audit log: passwords, app secrets, refresh and access tokens. */
const secretKey = /password|secret|token/i;

/** The longest payload kept whole, in characters of its JSON; a longer one keeps this much as text. */
export const maxPayloadChars = 4000;

/**
 * What the audit log stores of a request body: secrets masked at any depth, and a body too long
 * for the log cut to `{ truncated: true, preview }` (the masked JSON's beginning). Anything that is
 * not plain JSON data (a multipart upload) is not stored.
 */
export function auditPayload(body: unknown): unknown {
  if (body === undefined || body === null || !isJsonData(body)) return null;
  const masked = mask(body);
  const text = JSON.stringify(masked);
  if (text.length <= maxPayloadChars) return masked;
  // A cut through a surrogate pair would leave half a character, which jsonb refuses.
  return { truncated: true, preview: text.slice(0, maxPayloadChars).replace(/[\ud800-\udbff]$/, '') };
}

function mask(value: unknown): unknown {
  if (typeof value === 'string') return jsonbSafe(value);
  if (Array.isArray(value)) return value.map(mask);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [jsonbSafe(key), secretKey.test(key) ? maskedSecret : mask(inner)]));
  }
  return value;
}

/** PostgreSQL text and jsonb cannot hold the NUL character; a request that carried one is still worth recording. */
export const jsonbSafe = (text: string) => text.replaceAll('\u0000', '\ufffd');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isJsonData(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value) || Array.isArray(value) || isPlainObject(value);
}
