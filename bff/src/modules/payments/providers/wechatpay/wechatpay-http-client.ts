import type { Static, TSchema } from '@sinclair/typebox';
import { PaymentProviderError } from '../payment-provider';
import { buildAuthorization } from './authorization';
import { DEFAULT_BASE_URL, type WechatPayConfig, type WechatPayKeys } from './wechatpay-config';
import { checkWechatpaySignature } from './wechatpay-signature';
import { ErrorBody, parseJsonAs } from './wire';

export interface HttpClientOptions {
  now: () => Date;
  fetch: typeof fetch;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Signs every request with the merchant key and trusts an answer only after checking WeChat's
 * signature on it. Error answers ({code, message}) become PaymentProviderError unverified: they
 * can only make us fail, never make us believe a payment happened.
 */
export class WechatPayHttpClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(
    private readonly config: WechatPayConfig,
    private readonly keys: WechatPayKeys,
    private readonly options: HttpClientOptions,
  ) {
    this.baseUrl = (config.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** For endpoints that answer 204 No Content. */
  async send(method: 'GET' | 'POST', pathWithQuery: string, body?: object): Promise<void> {
    await this.exchange(method, pathWithQuery, body);
  }

  async call<T extends TSchema>(schema: T, method: 'GET' | 'POST', pathWithQuery: string, body?: object): Promise<Static<T>> {
    const { status, text } = await this.exchange(method, pathWithQuery, body);
    const parsed = parseJsonAs(schema, text);
    if (parsed === null) throw new PaymentProviderError(status, 'MALFORMED_RESPONSE', `unexpected answer from ${method} ${pathWithQuery}`);
    return parsed;
  }

  private async exchange(method: 'GET' | 'POST', pathWithQuery: string, body?: object): Promise<{ status: number; text: string }> {
    const url = new URL(`${this.baseUrl}${pathWithQuery}`);
    const bodyText = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': 'linli-bff',
      Authorization: buildAuthorization({
        mchid: this.config.mchid,
        serialNo: this.config.merchantSerial,
        privateKey: this.keys.merchantPrivateKey,
        method,
        pathWithQuery: `${url.pathname}${url.search}`,
        body: bodyText,
        now: this.options.now(),
      }),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.keys.publicKeyId) headers['Wechatpay-Serial'] = this.keys.publicKeyId;

    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.options.fetch(url, { method, headers, body: body === undefined ? undefined : bodyText, signal });
      text = await response.text();
    } catch {
      const timedOut = signal.aborted;
      throw new PaymentProviderError(null, timedOut ? 'TIMEOUT' : 'NETWORK_ERROR', `${method} ${url.pathname} ${timedOut ? 'timed out' : 'failed'}`);
    }

    if (response.status < 200 || response.status >= 300) {
      const error = parseJsonAs(ErrorBody, text);
      throw new PaymentProviderError(response.status, error?.code ?? 'UNEXPECTED_STATUS', error?.message ?? `HTTP ${response.status}`);
    }
    const check = checkWechatpaySignature(Object.fromEntries(response.headers.entries()), text, this.keys.platformPublicKeys, this.options.now());
    if (!check.ok) throw new PaymentProviderError(response.status, 'RESPONSE_SIGNATURE_INVALID', `${method} ${url.pathname}: ${check.message}`);
    return { status: response.status, text };
  }
}
