import Taro from '@tarojs/taro';
import { ApiError, NETWORK_ERROR } from './api-error';
import { deviceId } from './device-id';
import { createAuthSession, type ApiCall, type Send } from './auth-session';
import { platformLoginRequest } from './platform-login';
import { resolveMediaUrl } from './media-url';
import { toQueryString } from './query-string';
import { taroSessionStore } from './session-store';
import { privacyGate } from '../privacy/gate';

/** Inlined at build time (config/index.ts); default http://127.0.0.1:3000. */
export const API_BASE = process.env.TARO_APP_API_BASE;

const TIMEOUT_MS = 15_000;

const deviceStorage = {
  get: () => Taro.getStorageSync('linli.device') as unknown,
  set: (id: string) => Taro.setStorageSync('linli.device', id),
};

// Read from storage once per launch, not on every request.
let thisDevice: string | null = null;

const send: Send = async ({ path, method, query, body, token, headers }) => {
  const header: Record<string, string> = { ...headers, Accept: 'application/json', 'X-Device-Id': (thisDevice ??= deviceId(deviceStorage, Date.now())) };
  if (token !== null) header.Authorization = `Bearer ${token}`;
  try {
    // Narrowed on purpose: Taro types the body as `any`; here it stays `unknown`.
    const response: { statusCode: number; data: unknown } = await Taro.request({
      url: `${API_BASE}${path}${toQueryString(query)}`,
      method,
      data: body,
      header,
      timeout: TIMEOUT_MS,
    });
    return response;
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '网络不给力，请检查网络后重试');
  }
};

export const session = createAuthSession({
  send,
  store: taroSessionStore,
  loginRequest: platformLoginRequest,
  consent: privacyGate.request,
});

/**
 * Calls the BFF and resolves with the response body typed as `T` (a `Static<>` type from
 * `@linli/shared/schemas`). The BFF validates every response against its schema, so the body is
 * trusted to match. Rejects with an ApiError for any failure: no answer, or a non-2xx answer.
 */
export function request<T>(call: ApiCall): Promise<T> {
  return session.request<T>(call);
}

/** Absolute URL for a media path the BFF sent (e.g. a product's coverUrl). */
export function mediaUrl(pathOrUrl: string): string {
  return resolveMediaUrl(API_BASE, pathOrUrl);
}
