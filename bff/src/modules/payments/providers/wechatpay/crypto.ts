import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * The WeChat Pay APIv3 cryptography, shared by the client and the fake server so that both ends
 * of every test run the same primitives: SHA256-with-RSA (PKCS#1 v1.5) signatures over
 * newline-terminated lines, and AEAD_AES_256_GCM for notify resources.
 */

const GCM_TAG_BYTES = 16;

/** Every WeChat signing message is its lines, each one ending in "\n" — the last one included. */
export function signingMessage(...lines: string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

export function signRsaSha256(message: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

export function verifyRsaSha256(message: string, signatureBase64: string, publicKey: KeyObject): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length === 0) return false;
  try {
    return verify('sha256', Buffer.from(message, 'utf8'), publicKey, signature);
  } catch {
    return false;
  }
}

/** A random string for nonce_str / Wechatpay-Nonce / the GCM nonce (WeChat's GCM nonces are 12 ASCII characters). */
export function randomNonce(length = 32): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

export interface AeadResource {
  ciphertext: string;
  nonce: string;
  associatedData: string;
}

/** The APIv3 key is 32 ASCII characters used directly as the AES-256 key. */
export function apiV3KeyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key must be exactly 32 bytes');
  return key;
}

export function aesGcmEncrypt(plaintext: string, apiV3Key: string, nonce: string, associatedData: string): string {
  const cipher = createCipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([data, cipher.getAuthTag()]).toString('base64');
}

/** Decrypts base64(data || 16-byte tag). Throws when the tag does not authenticate. */
export function aesGcmDecrypt(resource: AeadResource, apiV3Key: string): string {
  const raw = Buffer.from(resource.ciphertext, 'base64');
  if (raw.length <= GCM_TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(resource.associatedData, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - GCM_TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(0, raw.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8');
}

export function loadPrivateKey(pem: string): KeyObject {
  return createPrivateKey(pem);
}

/** Accepts a PUBLIC KEY PEM (WeChat Pay public key) or a CERTIFICATE PEM (platform certificate). */
export function loadPublicKey(pem: string): KeyObject {
  return createPublicKey(pem);
}

export interface RsaKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A fresh RSA-2048 key pair, for the sandbox and tests (about 50–200 ms: generate once, reuse). */
export function generateKeyPair(): RsaKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
