import { isErrorBody } from '@linli/shared/error-body';

export interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** What must never reach a client: how the server is built, and what it runs. */
const leaks: Array<[string, RegExp]> = [
  ['a stack trace', /\n\s+at |\bat (?:async )?[\w$.<>]+ \(|\bat file:\/\//],
  ['a file path', /\/work\/|node_modules|\/src\/|\.[cm]?[jt]s:\d+|file:\/\//],
  ['SQL', /\b(?:select|insert|update|delete)\b[^"]{0,80}\b(?:from|into|set|where)\b|syntax error at or near|relation "|violates .* constraint|duplicate key value|invalid input syntax/i],
  ['an internal error name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|PostgresError|DrizzleError|DrizzleQueryError|AggregateError|FastifyError)\b|\bFST_[A-Z_]+|\bERR_[A-Z_]+/],
];

/** A stable, client-facing error code: upper snake case, never a library's own (`FST_…`, `ERR_…`). */
const errorCode = /^(?!FST_|ERR_)[A-Z][A-Z0-9_]*$/;

/**
 * Why an answer to a hostile request is wrong, or nothing. `sent` gives what the request carried: an
 * answer may quote the client's own input back (a path, a field), which is not a leak.
 */
export function answerProblems(answer: Answer, sent: () => string[]): string[] {
  const problems: string[] = [];
  if (answer.statusCode >= 500) problems.push(`status ${answer.statusCode}`);
  const requestId = answer.headers['x-request-id'];
  if (typeof requestId !== 'string' || !/^[\w-]{8,64}$/.test(requestId)) problems.push(`x-request-id is ${JSON.stringify(requestId)}`);
  for (const [name, value] of Object.entries(answer.headers)) {
    const text = Array.isArray(value) ? value.join('\n') : String(value);
    if (/injected/i.test(name) || (name === 'set-cookie' && /injected/i.test(text))) problems.push(`header injected: ${name}`);
    for (const [what, pattern] of leaks) if (pattern.test(withoutQuotes(text, sent))) problems.push(`${what} in header ${name}`);
  }
  if (answer.statusCode < 400) return problems;

  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [...problems, `a ${answer.statusCode} that is not JSON: ${answer.body.slice(0, 80)}`];
  }
  if (!isErrorBody(body) || Object.keys(body).length !== 1) return [...problems, `a ${answer.statusCode} not in the error shape: ${answer.body.slice(0, 120)}`];
  if (!errorCode.test(body.error.code)) problems.push(`error code ${body.error.code} is not a stable client code`);
  const details = (body.error as { details?: Array<{ path?: unknown; message?: unknown }> }).details ?? [];
  const texts = [body.error.message, ...details.flatMap((d) => [String(d.path), String(d.message)])].map((t) => withoutQuotes(t, sent));
  for (const [what, pattern] of leaks) if (texts.some((t) => pattern.test(t))) problems.push(`${what} in the error: ${answer.body.slice(0, 160)}`);
  return problems;
}

function withoutQuotes(text: string, sent: () => string[]): string {
  // Most answers show no sign of a leak at all: only those that do are worth the search for quotes.
  if (!leaks.some(([, pattern]) => pattern.test(text))) return text;
  return sent().filter((s) => s.length >= 3).reduce((rest, s) => rest.split(s).join(''), text);
}
