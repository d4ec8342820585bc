import { ApiError, errorText } from '../api/api-error';

export interface PlacedError<F extends string> {
  /** the form field the error belongs next to; null shows it above the form */
  field: F | null;
  text: string;
}

/**
 * Where a failed submit's message goes: next to the field it is about when the BFF's code names one
 * (`codeFields`) or its validation details point at one (`body/<field>`), else above the form.
 */
export function placeError<F extends string>(error: unknown, fields: readonly F[], codeFields: Partial<Record<string, F>> = {}): PlacedError<F> {
  const text = errorText(error, '提交失败，请稍后重试');
  if (!(error instanceof ApiError)) return { field: null, text };
  const byCode = codeFields[error.code];
  if (byCode) return { field: byCode, text };
  for (const detail of error.details) {
    const named = fields.find((field) => detail.path.split('/').pop() === field);
    if (named) return { field: named, text };
  }
  return { field: null, text };
}

/** What a form's rule check answers: the body to send, or an error for each field that is wrong. */
export type Checked<Body, F extends string> = { ok: true; body: Body } | { ok: false; errors: Partial<Record<F, string>> };
