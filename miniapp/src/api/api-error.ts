import { isErrorBody } from '@linli/shared/error-body';

/** Codes the client itself produces when no BFF error body is available. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

/** A failed API call: the BFF's stable `code` plus a message fit to show the shopper. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns a non-2xx answer into an ApiError, keeping the BFF's code and message when it sent one. */
export function apiErrorFromResponse(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body.error.code, body.error.message);
  return new ApiError(status, UNEXPECTED_RESPONSE, `服务器开小差了（${status}）`);
}

/**
 * What the shopper reads when something failed: the BFF's Chinese message with its code (for
 * customer service to look up), or `fallback` for anything that is not an API error.
 */
export function errorText(error: unknown, fallback = '出错了，请稍后重试'): string {
  return error instanceof ApiError ? `${error.message}（${error.code}）` : fallback;
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}
