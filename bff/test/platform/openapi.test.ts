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
  [mediaType: string]: { schema?: Schema };
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
let operations: Array<{ name: string; operation: Operation }>;

beforeAll(async () => {
  app = await buildTestApp();
  document = (await app.inject({ url: '/openapi.json' })).json<Document>();
  operations = Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => methods.includes(method))
        .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );
});
afterAll(async () => {
  await app.close();
});

/** Fails with the problems found and how many operations were checked (also shown when there are none). */
function expectNoProblems(problems: string[]) {
  expect(operations.length).toBeGreaterThan(0);
  expect({ operationsChecked: operations.length, problems }).toEqual({ operationsChecked: operations.length, problems: [] });
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
        return successes.filter(([status, response]) => status !== '204' && !jsonSchema(response.content)).map(([status]) => `${name}: ${status} has no schema`);
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
