import type { ErrorBody } from './schemas/error';

/**
 * Whether an answer's body is the BFF's one error shape `{ error: { code, message } }`. Both clients
 * read failures through it; it imports the schema's type only, so no TypeBox reaches a bundle.
 */
export function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
