import { readdirSync } from 'node:fs';
import { FormatRegistry, KindGuard, Type, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

// TypeBox knows no formats of its own; these follow the BFF's validator (ajv-formats, full mode).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', (value) => DATE.test(value) && !Number.isNaN(Date.parse(value)));
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));

/** Every schema module, found on disk so a module added later is checked without touching this test. */
const modules = readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

/** The schemas directly inside one: object properties, array items, union and intersection members. */
function children(schema: TSchema): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  const properties: unknown = schema.properties;
  if (typeof properties === 'object' && properties !== null) {
    for (const [name, property] of Object.entries(properties)) found.push([`.${name}`, property]);
  }
  if (typeof schema.additionalProperties === 'object') found.push(['[key]', schema.additionalProperties]);
  if (typeof schema.items === 'object') found.push(['[]', schema.items]);
  for (const keyword of ['anyOf', 'allOf', 'oneOf'] as const) {
    const members: unknown = schema[keyword];
    if (Array.isArray(members)) members.forEach((member, i) => found.push([`|${i}`, member]));
  }
  return found;
}

/** Each example of the schema and of every schema inside it that fails its own schema, with TypeBox's first reason. */
function wrongExamples(schema: TSchema, at: string, seen: Set<TSchema>): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const examples: unknown = schema.examples;
  const problems = (Array.isArray(examples) ? examples : []).flatMap((example, i) => {
    const error = Value.Errors(schema, example).First();
    return error ? [`${at} examples[${i}]: ${error.path || '/'} ${error.message}`] : [];
  });
  for (const [step, child] of children(schema)) {
    if (KindGuard.IsSchema(child)) problems.push(...wrongExamples(child, `${at}${step}`, seen));
  }
  return problems;
}

async function schemasOf(file: string): Promise<Array<[string, TSchema]>> {
  const exports = (await import(`./${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
  return Object.entries(exports).flatMap(([name, value]) => (KindGuard.IsSchema(value) ? [[name, value] as [string, TSchema]] : []));
}

describe('schema examples', () => {
  it('finds the schema modules, coupons and group buys among them', () => {
    expect(modules).toEqual(expect.arrayContaining(['common.ts', 'coupons.ts', 'group-buys.ts']));
  });

  it.each(modules)('in %s are each valid against the schema they illustrate', async (file) => {
    const seen = new Set<TSchema>();
    const problems = (await schemasOf(file)).flatMap(([name, schema]) => wrongExamples(schema, name, seen));
    expect(problems).toEqual([]);
  });

  it('are checked, and a wrong one is reported with where and why', () => {
    const Body = Type.Object(
      { id: Type.String({ format: 'uuid', examples: ['not-a-uuid'] }), at: Type.String({ format: 'date-time' }) },
      { examples: [{ id: '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31', at: '2025-05-01 10:00' }] },
    );
    expect(wrongExamples(Body, 'Body', new Set())).toEqual([
      "Body examples[0]: /at Expected string to match 'date-time' format",
      "Body.id examples[0]: / Expected string to match 'uuid' format",
    ]);
  });
});
