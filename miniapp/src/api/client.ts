import Taro from '@tarojs/taro';
import { ApiError, NETWORK_ERROR, apiErrorFromResponse } from './api-error';
import { resolveMediaUrl } from './media-url';
import { toQueryString, type QueryValue } from './query-string';

/** Inlined at build time (config/index.ts); default http://127.0.0.1:3000. */
export const API_BASE = process.env.TARO_APP_API_BASE;

const TIMEOUT_MS = 15_000;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/**
 * Calls the BFF and resolves with the response body typed as `T`. The BFF validates every response
 * against its schema, so the body is trusted to match the contract type the caller names.
 * Rejects with an ApiError for any failure: no answer, or a non-2xx answer.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query = {}, body } = options;
  // Narrowed on purpose: Taro types the body as `any`; here it stays `unknown` until the end.
  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: `${API_BASE}${path}${toQueryString(query)}`,
      method,
      data: body,
      header: { Accept: 'application/json' },
      timeout: TIMEOUT_MS,
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '网络不给力，请检查网络后重试');
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    throw apiErrorFromResponse(response.statusCode, response.data);
  }
  return response.data as T;
}

/** Absolute URL for a media path the BFF sent (e.g. a product's coverUrl). */
export function mediaUrl(pathOrUrl: string): string {
  return resolveMediaUrl(API_BASE, pathOrUrl);
}
