import type { KeyObject } from 'node:crypto';
import { randomNonce, signingMessage, signRsaSha256 } from './crypto';

/** The merchant's request signature: `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",…`. */
export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

export interface AuthorizationParams {
  mchid: string;
  serialNo: string;
  nonceStr: string;
  timestamp: string;
  signature: string;
}

/** The signed message: METHOD, path with query, timestamp, nonce, body (empty for GET). */
export function requestSigningMessage(method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string): string {
  return signingMessage(method, pathWithQuery, timestamp, nonce, body);
}

export function buildAuthorization(input: {
  mchid: string;
  serialNo: string;
  privateKey: KeyObject;
  method: string;
  pathWithQuery: string;
  body: string;
  now: Date;
}): string {
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  const nonceStr = randomNonce();
  const signature = signRsaSha256(requestSigningMessage(input.method, input.pathWithQuery, timestamp, nonceStr, input.body), input.privateKey);
  return `${AUTH_SCHEME} mchid="${input.mchid}",nonce_str="${nonceStr}",signature="${signature}",timestamp="${timestamp}",serial_no="${input.serialNo}"`;
}

/** Reads the five fields in any order; null when the header is not a well-formed WeChat Pay Authorization. */
export function parseAuthorization(header: string | undefined): AuthorizationParams | null {
  if (!header?.startsWith(`${AUTH_SCHEME} `)) return null;
  const fields = new Map<string, string>();
  for (const match of header.slice(AUTH_SCHEME.length + 1).matchAll(/\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/g)) {
    const [, key, value] = match;
    if (key !== undefined && value !== undefined) fields.set(key, value);
  }
  const mchid = fields.get('mchid');
  const serialNo = fields.get('serial_no');
  const nonceStr = fields.get('nonce_str');
  const timestamp = fields.get('timestamp');
  const signature = fields.get('signature');
  if (!mchid || !serialNo || !nonceStr || !timestamp || !signature) return null;
  return { mchid, serialNo, nonceStr, timestamp, signature };
}
