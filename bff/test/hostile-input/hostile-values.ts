/**
 * What a careless or hostile client puts where a value belongs, by kind. Text parts of a request
 * (path, query, headers) receive these as text; JSON bodies receive them as they are.
 */

const mebibyte = 1024 * 1024;

export const wrongTypes: unknown[] = [null, true, false, 0, 1.5, -1, '', 'text', '2', 'true', [], [1, 2], {}, { nested: { deeper: [] } }];

export const boundaryNumbers: unknown[] = [
  0, -0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 2 ** 53, -(2 ** 53), 1e308, -1e308, 0.1, 1e-7, 99.999,
];

/** Numbers as only text can spell them: JSON has no NaN, and a query string has nothing else. */
export const boundaryTexts: string[] = ['NaN', 'Infinity', '-Infinity', '1e3', '0x10', '0b1', ' 1', '1 ', '+1', '-0', '', '00001', '9'.repeat(400), '1,000', '١٢'];

export const unicodeTexts: string[] = [
  '\u202eredro\u202c', // right-to-left override
  '\u200f\u200e\u061c', // RTL / LTR marks
  '👨‍👩‍👧‍👦🛒🇨🇳', // emoji with joiners and a flag
  'a\u0000b', // NUL
  '\u0000',
  '\ud800', // lone high surrogate
  'x\udfffy', // lone low surrogate
  'e\u0301\u0301\u0301\u0301\u0301', // stacked combining marks
  'Z̷̢̛̲̗̙̪̥̫̞̞͍̩̼͇̓͐̍͊̀͒̀̆̾͘͝',
  '\u200b\u2060\ufeff', // zero-width and BOM
  '\u2028\u2029\u0085', // line separators JSON and JavaScript disagree on
  '１２３４５', // full-width digits
  '𠜎𠜱𠝹', // astral CJK
  '\t\n\r\u000b\f',
];

export const injectionTexts: string[] = [
  "' OR '1'='1",
  "1; DROP TABLE orders; --",
  "' UNION SELECT password_hash FROM staff --",
  "'; SELECT pg_sleep(1); --",
  '" OR ""="',
  '${7*7}',
  '#{7*7}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  'prototype',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  'line\r\nSet-Cookie: injected=1\r\nX-Injected: 1',
  '<script>alert(1)</script>',
  '{"$gt": ""}',
  'null',
  'undefined',
  '%00',
  '\\x00\\u0000',
];

const huge = new Map<number, string[]>();

/** Strings too big for any field of a JSON body: the body limit, or the field's own, must stop them. */
export function hugeTexts(bodyLimit: number): string[] {
  let texts = huge.get(bodyLimit);
  if (!texts) {
    texts = ['x'.repeat(10_000), '汉'.repeat(100_000), 'y'.repeat(mebibyte), 'z'.repeat(bodyLimit + 1)];
    huge.set(bodyLimit, texts);
  }
  return texts;
}

/**
 * Node refuses a request line and headers over 16 KB (431) before the app sees them; `inject` does
 * not, so bigger ones would only test what production never receives.
 */
const urlLimit = 16 * 1024;
export const hugeTextsForUrl: string[] = ['x'.repeat(10_000), '汉'.repeat(urlLimit / 9), 'z'.repeat(urlLimit - 200)];

/** Fields nobody may set (mass assignment) and keys that poison objects built from input. */
export const extraFieldNames: string[] = ['payable', 'status', 'userId', 'role', 'isAdmin', 'id', 'createdAt', '__proto__', 'constructor', 'x'.repeat(1000)];

export const wrongContentTypes: Array<string | null> = [
  null,
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json-patch+json',
  'APPLICATION/JSON',
  'application/octet-stream',
  '*/*',
  'multipart/form-data', // no boundary
  'image/png',
  ';;;',
];

export const malformedJson: string[] = [
  '{',
  '{"a": 1,}',
  "{'a': 1}",
  '{"a": NaN}',
  '{"a": 1} {"b": 2}',
  '{"a": 1 /* comment */}',
  '\ufeff{}',
  '',
  ' ',
  'null',
  '[]',
  '"text"',
  '12345',
  'true',
  '{"a": "\\ud800"}',
  '{"a": "\\u0000"}',
  '{"a": 1, "a": 2}',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
  `[${'1,'.repeat(20_000)}1]`,
];

export const hostilePathSegments: Array<{ value: string; raw: boolean }> = [
  { value: 'not-a-uuid', raw: false },
  { value: '00000000-0000-0000-0000-000000000000', raw: false },
  { value: 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', raw: false },
  { value: '1', raw: false },
  { value: '-1', raw: false },
  { value: 'a'.repeat(101), raw: false },
  { value: 'b'.repeat(10_000), raw: false },
  { value: '..', raw: true },
  { value: '..%2F..%2Fetc%2Fpasswd', raw: true },
  { value: '%2F', raw: true },
  { value: '%00', raw: true },
  { value: '%zz', raw: true },
  { value: '%E0%A4%A', raw: true },
  { value: "1' OR '1'='1", raw: false },
  { value: '__proto__', raw: false },
  { value: '😀', raw: false },
  { value: ' ', raw: false },
];

export const oddQueryStrings = (names: string[]): string[] => {
  const name = names[0] ?? 'limit';
  return [
    `${name}=1&${name}=2`,
    `${name}[]=1&${name}[]=2`,
    `${name}[a]=1`,
    `${name}=`,
    `${name}`,
    '&&&',
    '=',
    '%zz=1',
    `${name}=%zz`,
    `${name}=%E0%A4%A`,
    '__proto__[isAdmin]=true',
    'constructor[prototype][isAdmin]=true',
    `${name}=${'q'.repeat(urlLimit - 200)}`,
    Array.from({ length: 1000 }, (_, i) => `k${i}=${i}`).join('&'),
    names.map((n) => `${n}=1&${n}=x`).join('&'),
  ];
};

/** Bytes that look like a PNG to anything reading only the first eight. */
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const boundary = '----linli-fuzz-boundary';
type FormPart = { name: string; filename?: string; type?: string; bytes: Buffer };

const formsFor = (bodyLimit: number): Array<{ what: string; parts: FormPart[] }> => [
  { what: 'a PNG signature and junk', parts: [{ name: 'file', filename: 'a.png', type: 'image/png', bytes: Buffer.concat([pngSignature, Buffer.from('junk')]) }] },
  { what: 'text named .png', parts: [{ name: 'file', filename: 'a.png', type: 'image/png', bytes: Buffer.from('<svg onload=alert(1)>') }] },
  { what: 'an empty file', parts: [{ name: 'file', filename: 'empty.png', type: 'image/png', bytes: Buffer.alloc(0) }] },
  { what: 'a path-traversal filename', parts: [{ name: 'file', filename: '../../../../etc/passwd', type: 'image/png', bytes: Buffer.concat([pngSignature, Buffer.alloc(32)]) }] },
  { what: 'two files', parts: [{ name: 'a', filename: 'a.png', bytes: pngSignature }, { name: 'b', filename: 'b.png', bytes: pngSignature }] },
  { what: 'fields only', parts: [{ name: 'nickname', bytes: Buffer.from('小满') }, { name: '__proto__', bytes: Buffer.from('x') }] },
  { what: 'too many fields', parts: Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, bytes: Buffer.from('x') })) },
  { what: 'a file over the body limit', parts: [{ name: 'file', filename: 'big.png', type: 'image/png', bytes: Buffer.concat([pngSignature, Buffer.alloc(bodyLimit + 1)]) }] },
  { what: 'a file over 2 MB', parts: [{ name: 'file', filename: 'huge.png', type: 'image/png', bytes: Buffer.concat([pngSignature, Buffer.alloc(2 * mebibyte + 1)]) }] },
];

function formBody(parts: FormPart[]): Buffer {
  return Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n` +
          (p.type ? `Content-Type: ${p.type}\r\n` : '') +
          '\r\n',
      ),
      p.bytes,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
}

const forms = new Map<number, Array<{ what: string; contentType: string; body: Buffer }>>();

/** Well-formed multipart bodies with files no upload should keep; built once, they are megabytes. */
export function multipartForms(bodyLimit: number): Array<{ what: string; contentType: string; body: Buffer }> {
  let built = forms.get(bodyLimit);
  if (!built) {
    built = formsFor(bodyLimit).map(({ what, parts }) => ({ what, contentType: `multipart/form-data; boundary=${boundary}`, body: formBody(parts) }));
    forms.set(bodyLimit, built);
  }
  return built;
}

/** Multipart bodies that are broken as multipart: no closing boundary, a boundary that never appears. */
export const brokenMultipart: Array<{ what: string; contentType: string; body: string }> = [
  { what: 'no closing boundary', contentType: 'multipart/form-data; boundary=XyZ', body: '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc' },
  { what: 'a boundary that never appears', contentType: 'multipart/form-data; boundary=nope', body: 'hello' },
  { what: 'an empty boundary', contentType: 'multipart/form-data; boundary=', body: '--\r\n\r\n--' },
  { what: 'a part without headers', contentType: 'multipart/form-data; boundary=XyZ', body: '--XyZ\r\n\r\nabc\r\n--XyZ--\r\n' },
];
