/** The subset of JSON Schema the route schemas use, as @fastify/swagger writes it into the document. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  examples?: unknown[];
  example?: unknown;
}

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** Who a route is for: the token the fuzzer sends so a request gets past sign-in to validation and the handler. */
export type Audience = 'shopper' | 'staff' | 'anyone';

export interface Operation {
  /** `POST /api/orders/{id}/cancel`, as the document names it */
  name: string;
  method: string;
  path: string;
  audience: Audience;
  parameters: Parameter[];
  /** The JSON body the route declares, with the document's example of it when there is one. */
  body: { schema: JsonSchema; required: boolean; example?: unknown } | null;
}

interface RawOperation {
  security?: Array<Record<string, unknown>>;
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema; example?: unknown; examples?: Record<string, { value?: unknown }> }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const methods = ['get', 'put', 'post', 'delete', 'patch'];

/** Every operation of the document, with `$ref`s resolved, in the document's order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = (schema: JsonSchema): JsonSchema => resolveRefs(schema, document.components?.schemas ?? {});
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, raw]) => {
        const json = raw.requestBody?.content['application/json'];
        const example = json?.example ?? Object.values(json?.examples ?? {})[0]?.value;
        return {
          name: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          audience: audienceOf(raw.security),
          parameters: (raw.parameters ?? []).map((p) => ({
            in: p.in as Parameter['in'],
            name: p.name,
            required: p.required ?? false,
            schema: resolve(p.schema ?? {}),
          })),
          body: json?.schema ? { schema: resolve(json.schema), required: raw.requestBody?.required ?? false, ...(example === undefined ? {} : { example }) } : null,
        };
      }),
  );
}

/** A route any shopper may call signed in or not (`[{}, { shopper: [] }]`) is sent with the token: that reaches more code. */
function audienceOf(security: RawOperation['security']): Audience {
  const schemes = (security ?? []).flatMap((requirement) => Object.keys(requirement));
  if (schemes.includes('staff')) return 'staff';
  if (schemes.includes('shopper')) return 'shopper';
  return 'anyone';
}

function resolveRefs(schema: JsonSchema, components: Record<string, JsonSchema>, depth = 0): JsonSchema {
  if (depth > 20) return schema;
  const target = schema.$ref ? (components[schema.$ref.replace('#/components/schemas/', '')] ?? {}) : schema;
  const next = (s: JsonSchema) => resolveRefs(s, components, depth + 1);
  return {
    ...target,
    ...(target.properties ? { properties: Object.fromEntries(Object.entries(target.properties).map(([k, v]) => [k, next(v)])) } : {}),
    ...(target.items ? { items: next(target.items) } : {}),
    ...(target.anyOf ? { anyOf: target.anyOf.map(next) } : {}),
    ...(target.oneOf ? { oneOf: target.oneOf.map(next) } : {}),
    ...(target.allOf ? { allOf: target.allOf.map(next) } : {}),
  };
}
