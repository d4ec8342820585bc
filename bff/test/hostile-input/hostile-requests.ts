import fc from 'fast-check';
import type { JsonSchema, Operation } from './operations';
import { validValue } from './schema-values';
import {
  boundaryNumbers,
  boundaryTexts,
  brokenMultipart,
  extraFieldNames,
  hostilePathSegments,
  hugeTexts,
  hugeTextsForUrl,
  injectionTexts,
  malformedJson,
  multipartForms,
  oddQueryStrings,
  unicodeTexts,
  wrongContentTypes,
  wrongTypes,
} from './hostile-values';

export const categories = [
  'valid',
  'wrong-type',
  'boundary',
  'huge',
  'unicode',
  'injection',
  'missing',
  'extra',
  'content-type',
  'malformed-json',
  'path-param',
  'query-string',
  'multipart',
] as const;
export type Category = (typeof categories)[number];

/** One request, ready for `app.inject`, and what makes it hostile. */
export interface HostileRequest {
  category: Category;
  what: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** A request that the schema accepts, before one thing in it is spoiled. */
interface Draft {
  path: Record<string, string>;
  /** path values already in their on-the-wire form (percent-escapes meant as sent) */
  rawPath?: boolean;
  query: Array<[string, string]>;
  rawQuery?: string;
  headers: Record<string, string>;
  body?: unknown;
  /** bytes sent as they are, instead of the JSON of `body` */
  payload?: string | Buffer;
  /** null: no Content-Type header at all */
  contentType?: string | null;
}

type Part = 'path' | 'query' | 'header' | 'body';
interface Location {
  part: Part;
  /** parameter name, or the JSON path of a body value */
  at: Array<string | number>;
}

/** Every case of one category for one operation, or null where the category has nothing to spoil. */
export function hostileRequests(operation: Operation, category: Category, context: { ids: readonly string[]; bodyLimit: number }): fc.Arbitrary<HostileRequest> | null {
  const spoil = spoilers[category](operation, context.bodyLimit);
  if (!spoil) return null;
  return fc.tuple(draftOf(operation, context.ids), fc.nat()).chain(([draft, pick]) =>
    spoil(draft, pick).map(({ what, draft: spoiled }) => ({ category, what, ...render(operation, spoiled) })),
  );
}

type Spoiler = (draft: Draft, pick: number) => fc.Arbitrary<{ what: string; draft: Draft }>;
type SpoilerFactory = (operation: Operation, bodyLimit: number) => Spoiler | null;

const spoilers: Record<Category, SpoilerFactory> = {
  valid: () => (draft) => fc.constant({ what: 'a request the schema accepts', draft }),
  'wrong-type': (op) => replaceValue(op, fc.constantFrom(...wrongTypes), { wholeBody: true }),
  boundary: (op) => replaceValue(op, fc.oneof(fc.constantFrom(...boundaryNumbers), fc.constantFrom(...boundaryTexts), lengthBoundary(op))),
  huge: (op, bodyLimit) => replaceValue(op, fc.constantFrom(...hugeTexts(bodyLimit)), { inText: fc.constantFrom(...hugeTextsForUrl) }),
  unicode: (op) => replaceValue(op, fc.constantFrom(...unicodeTexts)),
  injection: (op) => {
    const inValue = replaceValue(op, fc.constantFrom(...injectionTexts));
    // The request id is the one header the server repeats back: a CRLF or a script must not ride on it.
    return (draft, pick) =>
      pick % 4 === 3
        ? fc.constantFrom(...injectionTexts).map((value) => ({ what: `header x-request-id = ${describe(value)}`, draft: { ...draft, headers: { ...draft.headers, 'x-request-id': headerSafe(value) } } }))
        : inValue(draft, pick);
  },
  missing: (op) => {
    const required = requiredThings(op);
    if (required.length === 0) return null;
    return (draft, pick) => {
      const thing = required[pick % required.length]!;
      return fc.constant({ what: `without ${thing.label}`, draft: thing.drop(draft) });
    };
  },
  extra: () => (draft, pick) =>
    fc.constantFrom(...extraFieldNames).chain((name) =>
      fc.constantFrom(...wrongTypes, 'ignored').map((value) => {
        const objects = objectPaths(draft.body);
        if (objects.length === 0) return { what: `an unknown query parameter ${name.slice(0, 20)}`, draft: { ...draft, query: [...draft.query, [name, String(value)] as [string, string]] } };
        const at = objects[pick % objects.length]!;
        const body = withOwnKey(structuredClone(draft.body), at, name, value);
        return { what: `an unknown body field ${name.slice(0, 20)} at /${at.join('/')}`, draft: { ...draft, body } };
      }),
    ),
  'content-type': () => (draft) =>
    fc.constantFrom(...wrongContentTypes).map((contentType) => ({
      what: `Content-Type ${contentType ?? '(none)'}`,
      draft: {
        ...draft,
        contentType,
        payload: contentType === 'application/x-www-form-urlencoded' ? new URLSearchParams(flatFields(draft.body)).toString() : JSON.stringify(draft.body ?? {}),
      },
    })),
  'malformed-json': () => (draft) =>
    fc.constantFrom(...malformedJson).map((payload) => ({ what: `a body of ${JSON.stringify(payload.slice(0, 24))}…`, draft: { ...draft, payload, contentType: 'application/json' } })),
  'path-param': (op) => {
    const names = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    if (names.length === 0) return null;
    return (draft, pick) =>
      fc.constantFrom(...hostilePathSegments).map(({ value, raw }) => {
        const name = names[pick % names.length]!;
        const path = raw ? Object.fromEntries(Object.entries(draft.path).map(([k, v]) => [k, k === name ? value : percentEncoded(v)])) : { ...draft.path, [name]: value };
        return { what: `path ${name} = ${value.slice(0, 30)}`, draft: { ...draft, path, rawPath: raw } };
      });
  },
  'query-string': (op) => (draft) =>
    fc.constantFrom(...oddQueryStrings(op.parameters.filter((p) => p.in === 'query').map((p) => p.name))).map((rawQuery) => ({
      what: `query ${rawQuery.slice(0, 40)}`,
      draft: { ...draft, rawQuery },
    })),
  multipart: (_op, bodyLimit) => {
    const forms = multipartForms(bodyLimit);
    return (draft) =>
      fc
        .constantFrom(...forms, ...brokenMultipart)
        .map(({ what, contentType, body }) => ({ what: `multipart: ${what}`, draft: { ...draft, payload: body, contentType } }));
  },
};

function draftOf(op: Operation, ids: readonly string[]): fc.Arbitrary<Draft> {
  const text = (schema: JsonSchema) => validValue(schema, ids).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  const params = (part: 'path' | 'query' | 'header') => op.parameters.filter((p) => p.in === part);
  const path = fc.record(Object.fromEntries(params('path').map((p) => [p.name, text(p.schema)])));
  const query = fc
    .tuple(...params('query').map((p) => (p.required ? text(p.schema).map((v) => [[p.name, v]]) : fc.option(text(p.schema), { nil: undefined }).map((v) => (v === undefined ? [] : [[p.name, v]])))))
    .map((pairs) => pairs.flat() as Array<[string, string]>);
  const headers = fc.record(Object.fromEntries(params('header').map((p) => [p.name, text(p.schema)])));
  const body = op.body ? (op.body.example === undefined ? validValue(op.body.schema, ids) : fc.oneof(fc.constant(op.body.example), validValue(op.body.schema, ids))) : fc.constant(undefined);
  return fc.record({ path, query, headers, body });
}

function locationsOf(op: Operation, draft: Draft): Location[] {
  return [
    ...op.parameters.map((p) => ({ part: p.in, at: [p.name] }) as Location),
    ...leafPaths(draft.body).map((at) => ({ part: 'body', at }) as Location),
  ];
}

/**
 * Puts one hostile value in one place: a parameter, a value in the body, or (when there is none) a
 * stray query parameter. `inText` are the values for the path, query and headers, when they differ.
 */
function replaceValue(op: Operation, values: fc.Arbitrary<unknown>, options: { wholeBody?: boolean; inText?: fc.Arbitrary<unknown> } = {}): Spoiler {
  return (draft, pick) => {
    const locations = locationsOf(op, draft);
    const location = locations.length === 0 ? null : locations[pick % locations.length]!;
    const inBody = location?.part === 'body' || (options.wholeBody && op.body && pick % 5 === 0);
    return (inBody ? values : (options.inText ?? values)).map((value) => {
      if (options.wholeBody && op.body && pick % 5 === 0) return { what: `the whole body is ${describe(value)}`, draft: { ...draft, body: value } };
      if (!location) return { what: `a stray query parameter = ${describe(value)}`, draft: { ...draft, query: [...draft.query, ['q', asText(value)] as [string, string]] } };
      return { what: `${location.part} ${location.at.join('/')} = ${describe(value)}`, draft: placed(draft, location, value) };
    });
  };
}

function placed(draft: Draft, location: Location, value: unknown): Draft {
  const [name] = location.at as [string];
  switch (location.part) {
    case 'path':
      return { ...draft, path: { ...draft.path, [name]: asText(value) } };
    case 'query':
      return { ...draft, query: [...draft.query.filter(([k]) => k !== name), [name, asText(value)]] };
    case 'header':
      return { ...draft, headers: { ...draft.headers, [name]: headerSafe(asText(value)) } };
    case 'body':
      return { ...draft, body: setAt(structuredClone(draft.body), location.at, value) };
  }
}

/** Strings just inside and just outside each declared length limit of the operation. */
function lengthBoundary(op: Operation): fc.Arbitrary<unknown> {
  const limits = new Set<number>([0]);
  const visit = (schema: JsonSchema | undefined) => {
    if (!schema) return;
    for (const n of [schema.minLength, schema.maxLength]) if (n !== undefined) [n - 1, n, n + 1].filter((x) => x >= 0).forEach((x) => limits.add(x));
    Object.values(schema.properties ?? {}).forEach(visit);
    visit(schema.items);
    [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].forEach(visit);
  };
  visit(op.body?.schema);
  op.parameters.forEach((p) => visit(p.schema));
  return fc.constantFrom(...limits).map((n) => '字'.repeat(n));
}

function requiredThings(op: Operation): Array<{ label: string; drop: (d: Draft) => Draft }> {
  const things: Array<{ label: string; drop: (d: Draft) => Draft }> = [];
  for (const p of op.parameters.filter((p) => p.required && p.in !== 'path')) {
    if (p.in === 'header') things.push({ label: `header ${p.name}`, drop: (d) => ({ ...d, headers: Object.fromEntries(Object.entries(d.headers).filter(([k]) => k !== p.name)) }) });
    else things.push({ label: `query ${p.name}`, drop: (d) => ({ ...d, query: d.query.filter(([k]) => k !== p.name) }) });
  }
  if (op.body) {
    things.push({ label: 'a body', drop: (d) => ({ ...d, body: undefined }) });
    const visit = (schema: JsonSchema, at: string[]) => {
      for (const name of schema.required ?? []) {
        const path = [...at, name];
        things.push({ label: `body /${path.join('/')}`, drop: (d) => ({ ...d, body: withoutKey(structuredClone(d.body), path) }) });
        const child = schema.properties?.[name];
        if (child?.properties) visit(child, path);
      }
    };
    visit(op.body.schema, []);
  }
  return things;
}

function render(op: Operation, draft: Draft): Omit<HostileRequest, 'category' | 'what'> {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = draft.path[name] ?? '';
    return draft.rawPath ? value : percentEncoded(value);
  });
  const query = draft.rawQuery ?? draft.query.map(([k, v]) => `${percentEncoded(k)}=${percentEncoded(v)}`).join('&');
  const headers: Record<string, string> = { ...draft.headers };
  const payload = draft.payload ?? (draft.body === undefined ? undefined : JSON.stringify(draft.body));
  const contentType = draft.contentType === undefined ? (payload === undefined ? null : 'application/json') : draft.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  return { method: op.method, url: query ? `${path}?${query}` : path, headers, ...(payload === undefined ? {} : { payload }) };
}

function leafPaths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.length === 0 ? [at] : value.flatMap((v, i) => leafPaths(v, [...at, i]));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? [at] : entries.flatMap(([k, v]) => leafPaths(v, [...at, k]));
  }
  return value === undefined ? [] : [at];
}

function objectPaths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...at, i]));
  if (typeof value === 'object' && value !== null) return [at, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...at, k]))];
  return [];
}

function setAt(root: unknown, at: Array<string | number>, value: unknown): unknown {
  if (at.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
  return root;
}

/** `__proto__` as an own, enumerable key, the way JSON.parse makes it, so it is really sent. */
function withOwnKey(root: unknown, at: Array<string | number>, name: string, value: unknown): unknown {
  let node = root as Record<string | number, unknown>;
  for (const key of at) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, name, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function withoutKey(root: unknown, at: string[]): unknown {
  let node = root as Record<string, unknown> | undefined;
  for (const key of at.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
  if (node && typeof node === 'object') delete node[at[at.length - 1]!];
  return root;
}

function flatFields(body: unknown): Array<[string, string]> {
  return typeof body === 'object' && body !== null ? Object.entries(body).map(([k, v]) => [k, asText(v)]) : [['body', asText(body)]];
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) goes as the three bytes a
 * careless client would send for it: invalid UTF-8 the server has to cope with.
 */
function percentEncoded(text: string): string {
  return text
    .split(/(\p{Surrogate})/u)
    .map((piece) => {
      if (!/^\p{Surrogate}$/u.test(piece)) return encodeURIComponent(piece);
      const c = piece.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

/** Node refuses to send bytes outside Latin-1 (and CR, LF, NUL) in a header; the rest goes as it is. */
const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

const describe = (value: unknown) => {
  const text = asText(value);
  return text.length > 40 ? `${JSON.stringify(text.slice(0, 20))}… (${text.length} chars)` : JSON.stringify(text);
};
