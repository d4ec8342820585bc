import type { KeyObject } from 'node:crypto';
import { apiV3KeyBytes, loadPrivateKey, loadPublicKey } from './crypto';

/**
 * What the WeChat Pay client needs; the BFF fills it from WECHATPAY_* environment variables.
 * Field names match Config['payment']['wechatpay'] in bff/src/config.ts.
 */
export interface WechatPayConfig {
  mchid: string;
  /** The mini-program's appid, bound to the merchant. */
  appid: string;
  /** Serial number of the merchant API certificate whose private key signs our requests. */
  merchantSerial: string;
  /** PEM (PKCS#8 "BEGIN PRIVATE KEY", as in apiclient_key.pem). */
  merchantPrivateKey: string;
  /** 32-character APIv3 key: decrypts notify resources. */
  apiV3Key: string;
  /**
   * Keys that WeChat Pay signs with, by serial: platform certificate serials → certificate or
   * public key PEM, and/or a "WeChat Pay public key" id (PUB_KEY_ID_…) → public key PEM. During a
   * switch from certificates to the public key both are listed.
   */
  platformPublicKeys: Record<string, string>;
  /** Where WeChat posts payment and refund notifies; one route takes both. */
  notifyUrl: string;
  baseUrl?: string;
  /** Per request, default 10 s. */
  timeoutMs?: number;
}

export const DEFAULT_BASE_URL = 'https://api.mch.weixin.qq.com';
const PUBLIC_KEY_ID_PREFIX = 'PUB_KEY_ID_';

export interface WechatPayKeys {
  merchantPrivateKey: KeyObject;
  platformPublicKeys: ReadonlyMap<string, KeyObject>;
  /**
   * In public-key mode every request names the key id in a Wechatpay-Serial header so WeChat
   * signs its answer with that key rather than the platform certificate.
   */
  publicKeyId: string | null;
}

/** Parses every key up front so a bad PEM or APIv3 key fails at boot, not at the first payment. */
export function loadWechatPayKeys(config: WechatPayConfig): WechatPayKeys {
  apiV3KeyBytes(config.apiV3Key);
  const entries = Object.entries(config.platformPublicKeys);
  if (entries.length === 0) throw new Error('WeChat Pay: at least one platform public key is required');
  return {
    merchantPrivateKey: loadPrivateKey(config.merchantPrivateKey),
    platformPublicKeys: new Map(entries.map(([serial, pem]) => [serial, loadPublicKey(pem)])),
    publicKeyId: entries.map(([serial]) => serial).find((serial) => serial.startsWith(PUBLIC_KEY_ID_PREFIX)) ?? null,
  };
}
