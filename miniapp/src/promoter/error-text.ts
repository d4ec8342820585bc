import { ApiError } from '../api/api-error';

/** What a failed call shows the shopper: the BFF's message with its code, for support to look up. */
export function errorText(error: unknown): string {
  return error instanceof ApiError ? `${error.message}（${error.code}）` : '加载失败，请稍后重试';
}
