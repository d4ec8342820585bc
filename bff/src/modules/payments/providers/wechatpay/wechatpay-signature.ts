import type { KeyObject } from 'node:crypto';
import type { IncomingHeaders, NotifyRejectionReason } from '../payment-provider';
import { randomNonce, signingMessage, signRsaSha256, verifyRsaSha256 } from './crypto';

/**
 * WeChat Pay's own signature on what it sends — API responses and notifies alike:
 * Wechatpay-Timestamp/-Nonce/-Signature/-Serial headers, RSA-SHA256 over `ts\nnonce\nbody\n`
 * with the key named by the serial (a platform certificate serial or a PUB_KEY_ID_…).
 */

export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: Exclude<NotifyRejectionReason, 'BAD_RESOURCE' | 'MERCHANT_MISMATCH'>; message: string };

export function headerValue(headers: IncomingHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Checked in this order: headers present, serial known, timestamp fresh, signature over the exact body. */
export function checkWechatpaySignature(
  headers: IncomingHeaders,
  body: string,
  publicKeys: ReadonlyMap<string, KeyObject>,
  now: Date,
): SignatureCheck {
  const serial = headerValue(headers, 'Wechatpay-Serial');
  const signature = headerValue(headers, 'Wechatpay-Signature');
  const timestamp = headerValue(headers, 'Wechatpay-Timestamp');
  const nonce = headerValue(headers, 'Wechatpay-Nonce');
  if (!serial || !signature || !timestamp || !nonce) {
    return { ok: false, reason: 'MALFORMED', message: 'missing Wechatpay-* signature headers' };
  }
  const key = publicKeys.get(serial);
  if (!key) return { ok: false, reason: 'UNKNOWN_SERIAL', message: `no WeChat Pay public key for serial ${serial}` };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'MALFORMED', message: 'Wechatpay-Timestamp is not a number' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'STALE_TIMESTAMP', message: 'Wechatpay-Timestamp is outside ±5 minutes' };
  }
  if (!verifyRsaSha256(signingMessage(timestamp, nonce, body), signature, key)) {
    return { ok: false, reason: 'BAD_SIGNATURE', message: 'Wechatpay-Signature does not verify' };
  }
  return { ok: true };
}

export interface WechatpaySigner {
  serial: string;
  privateKey: KeyObject;
}

/** The headers WeChat Pay attaches to a response or a notify with this body. */
export function wechatpaySignatureHeaders(body: string, signer: WechatpaySigner, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomNonce();
  return {
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signRsaSha256(signingMessage(timestamp, nonce, body), signer.privateKey),
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Serial': signer.serial,
    'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
  };
}
