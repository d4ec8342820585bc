import fc from 'fast-check';
import type { JsonSchema } from './operations';

/**
 * Values a schema accepts, so that a hostile request differs from a good one in one place only and
 * reaches the handler everywhere else. `ids` are rows that exist (products, orders, shoppers …): a uuid
 * is drawn from them more often than made up, so handlers get past "not found".
 */
export function validValue(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) return fc.oneof(...branches.map((b) => validValue(b, ids)));
  if (schema.allOf && schema.allOf.length > 0) return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, ids);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const example = schema.example ?? schema.examples?.[0];
  switch (typeOf(schema)) {
    case 'object':
      return objectValue(schema, ids);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, ids), { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)) });
    case 'integer':
    case 'number':
      return fc.integer({ min: Math.ceil(lowest(schema)), max: Math.floor(highest(schema)) });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return example === undefined ? stringValue(schema, ids) : fc.oneof(fc.constant(example), stringValue(schema, ids));
  }
}

function typeOf(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  return schema.properties ? 'object' : 'string';
}

function lowest(schema: JsonSchema): number {
  return Math.max(schema.minimum ?? (schema.exclusiveMinimum === undefined ? 0 : schema.exclusiveMinimum + 1), -1_000_000);
}

function highest(schema: JsonSchema): number {
  return Math.min(schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1_000 : schema.exclusiveMaximum - 1), 1_000_000);
}

function objectValue(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, validValue(s, ids)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
}

function stringValue(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return ids.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 }) : fc.uuid();
    case 'date':
      return fc.date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'uri':
      return fc.constant('https://example.com/a.png');
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    return fc
      .stringMatching(pattern)
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}
