import type { App } from '../../src/app';
import { buildTestApp } from '../helper';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Content {
  [mediaType: string]: { schema?: Schema; example?: unknown; examples?: Record<string, unknown> };
}
interface Operation {
  tags?: string[];
  parameters?: unknown[];
  requestBody?: { content: Content };
  responses?: Record<string, { content?: Content }>;
}
interface Document {
  openapi: string;
  tags?: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

let app: App;
let document: Document;
let operations: Array<{ name: string; path: string; operation: Operation }>;

beforeAll(async () => {
  app = await buildTestApp();
  document = (await app.inject({ url: '/openapi.json' })).json<Document>();
  operations = Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => methods.includes(method))
        .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, operation })),
    );
});
afterAll(async () => {
  await app.close();
});

/** Fails with the problems found and how many operations were checked (also shown when there are none). */
function expectNoProblems(problems: string[], operationsChecked = operations.length) {
  expect(operationsChecked).toBeGreaterThan(0);
  expect({ operationsChecked, problems }).toEqual({ operationsChecked, problems: [] });
}

function resolve(schema: Schema): Schema {
  const name = schema.$ref?.replace('#/components/schemas/', '');
  return name === undefined ? schema : (document.components?.schemas?.[name] ?? { type: `unresolved ${schema.$ref}` });
}

function jsonSchema(content: Content | undefined): Schema | undefined {
  const schema = content?.['application/json']?.schema;
  return schema && resolve(schema);
}

/** Where a request body accepts fields it does not name. A map (no named fields, typed values) is closed by its value type. */
function openObjects(schema: Schema, at: string): string[] {
  const s = resolve(schema);
  const found: string[] = [];
  const isObject = s.type === 'object' || s.properties !== undefined;
  const isMap = s.properties === undefined && (typeof s.additionalProperties === 'object' || s.patternProperties !== undefined);
  if (isObject && !isMap && s.additionalProperties !== false) found.push(at);
  for (const [name, property] of Object.entries(s.properties ?? {})) found.push(...openObjects(property, `${at}.${name}`));
  if (typeof s.additionalProperties === 'object') found.push(...openObjects(s.additionalProperties, `${at}[key]`));
  for (const [pattern, value] of Object.entries(s.patternProperties ?? {})) found.push(...openObjects(value, `${at}[${pattern}]`));
  if (s.items) found.push(...openObjects(s.items, `${at}[]`));
  for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) found.push(...openObjects(branch, `${at}|`));
  return found;
}

function isErrorBody(schema: Schema | undefined): boolean {
  const error = schema?.properties?.error && resolve(schema.properties.error);
  return Boolean(
    schema?.required?.includes('error') &&
      error?.properties?.code?.type === 'string' &&
      error.properties.message?.type === 'string' &&
      error.required?.includes('code') &&
      error.required.includes('message'),
  );
}

const errorStatus = (status: string) => /^[45]\d\d$/.test(status);

/** The social-commerce domains, whose docs must show what a request and a success look like. */
const exampleTags = ['coupons', 'group-buys', 'sharing', 'promoters', 'withdrawals', 'analytics'];
const examplePaths = [
  '/api/console/coupon-templates',
  '/api/console/group-campaigns',
  '/api/console/referral-settings',
  '/api/console/promoters',
  '/api/console/withdrawals',
  '/api/console/metrics',
  '/api/console/products/{productId}/commission-rate',
];
const needsExamples = ({ path, operation }: { path: string; operation: Operation }) =>
  (operation.tags ?? []).some((tag) => exampleTags.includes(tag)) || examplePaths.some((prefix) => path.startsWith(prefix));

/** @fastify/swagger turns a schema's top-level `examples` into the media type's example(s). */
const hasJsonExample = (content: Content | undefined) => {
  const media = content?.['application/json'];
  return media === undefined || media.example !== undefined || Object.keys(media.examples ?? {}).length > 0;
};

describe('the OpenAPI document', () => {
  it('is served at /openapi.json as OpenAPI 3.x', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
  });

  it('gives every operation under /api at least one tag, each declared in the tag list', () => {
    const declared = new Set((document.tags ?? []).map((tag) => tag.name));
    expectNoProblems(
      operations.flatMap(({ name, operation }) => {
        const tags = operation.tags ?? [];
        if (tags.length === 0) return [`${name}: no tag`];
        return tags.filter((tag) => !declared.has(tag)).map((tag) => `${name}: undeclared tag ${tag}`);
      }),
    );
  });

  it('gives every operation under /api a response schema for its success status', () => {
    expectNoProblems(
      operations.flatMap(({ name, operation }) => {
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        if (successes.length === 0) return [`${name}: no success status`];
        // Files (a share's code, an export) are described by their media type; everything else is JSON with a schema.
        const described = (content: Content | undefined) => Boolean(jsonSchema(content) ?? content?.['image/png']?.schema ?? content?.['text/csv']?.schema);
        return successes.filter(([status, response]) => status !== '204' && !described(response.content)).map(([status]) => `${name}: ${status} has no schema`);
      }),
    );
  });

  it('gives every operation under /api an error response, each in the one error shape', () => {
    expectNoProblems(
      operations.flatMap(({ name, operation }) => {
        const errors = Object.entries(operation.responses ?? {}).filter(([status]) => errorStatus(status));
        if (errors.length === 0) return [`${name}: no error status`];
        return errors.filter(([, response]) => !isErrorBody(jsonSchema(response.content))).map(([status]) => `${name}: ${status} is not the error shape`);
      }),
    );
  });

  it('documents 400 for every operation under /api that validates parameters or a body', () => {
    expectNoProblems(
      operations
        .filter(({ operation }) => (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined)
        .filter(({ operation }) => operation.responses?.['400'] === undefined)
        .map(({ name }) => `${name}: no 400`),
    );
  });

  it('shows an example request body and an example success body for every social-commerce operation', () => {
    const checked = operations.filter(needsExamples);
    expect(checked.map(({ name }) => name)).toEqual(expect.arrayContaining(['POST /api/console/coupon-templates', 'GET /api/group-buys/groups/{id}']));
    expectNoProblems(
      checked.flatMap(({ name, operation }) => [
        ...(hasJsonExample(operation.requestBody?.content) ? [] : [`${name}: request body has no example`]),
        ...Object.entries(operation.responses ?? {})
          .filter(([status]) => /^2\d\d$/.test(status) && status !== '204')
          .filter(([, response]) => !hasJsonExample(response.content))
          .map(([status]) => `${name}: ${status} has no example`),
      ]),
      checked.length,
    );
  });

  it('closes every object in every request body with additionalProperties: false', () => {
    expectNoProblems(
      operations.flatMap(({ name, operation }) =>
        Object.entries(operation.requestBody?.content ?? {}).flatMap(([mediaType, { schema }]) =>
          schema ? openObjects(schema, `${name} body(${mediaType})`).map((at) => `${at} accepts unknown fields`) : [],
        ),
      ),
    );
  });
});

describe('/docs', () => {
  it('serves the API browser as HTML', async () => {
    const res = await app.inject({ url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});
