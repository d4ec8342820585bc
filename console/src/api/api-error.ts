import { isErrorBody } from '@linli/shared/error-body';

/** Codes the console itself produces when the BFF sent no error body. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';
export const SESSION_EXPIRED = 'SESSION_EXPIRED';

/** A failed API call: the BFF's stable `code`, its Chinese message and, for invalid input, which fields. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns a non-2xx answer into an ApiError, keeping the BFF's code, message and details when it sent them. */
export function apiErrorFromResponse(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.error.code, body.error.message, body.error.details ?? []);
  return new ApiError(status, UNEXPECTED_RESPONSE, `服务器开小差了（HTTP ${status}）`);
}

/** What staff read when something failed: the Chinese message with its code, or `fallback`. */
export function errorText(error: unknown, fallback = '出错了，请稍后重试'): string {
  return error instanceof ApiError ? `${error.message}（${error.code}）` : fallback;
}
