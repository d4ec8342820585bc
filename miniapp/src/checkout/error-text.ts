import { ApiError } from '../api/api-error';

/** What the shopper reads when something failed: the BFF's Chinese message and its code. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return `${error.message}（${error.code}）`;
  return error instanceof Error && error.message !== '' ? error.message : '出错了，请稍后重试';
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}
