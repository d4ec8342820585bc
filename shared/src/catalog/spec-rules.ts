import type { SpecDefinition } from '../schemas/catalog';

/** Pure rules tying a product's spec lists (颜色: 红/蓝, 尺码: S/M) to its SKUs' spec values. */

export interface SpecProblem {
  path: string;
  message: string;
}

type SkuSpecs = Readonly<Record<string, string>>;

function duplicates(items: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) (seen.has(item) ? repeated : seen).add(item);
  return repeated;
}

/** Spec names are unique within a product, and values unique within a spec. */
export function checkSpecDefinitions(definitions: readonly SpecDefinition[], path = 'body/specs'): SpecProblem[] {
  const problems: SpecProblem[] = [];
  for (const name of duplicates(definitions.map((d) => d.name))) {
    problems.push({ path, message: `规格「${name}」重复` });
  }
  definitions.forEach((definition, i) => {
    for (const value of duplicates(definition.values)) {
      problems.push({ path: `${path}/${i}/values`, message: `规格「${definition.name}」的值「${value}」重复` });
    }
  });
  return problems;
}

/** The combination a SKU stands for, comparable across SKUs whatever order their keys came in. */
export function specCombination(definitions: readonly SpecDefinition[], specs: SkuSpecs): string {
  return JSON.stringify(definitions.map((d) => specs[d.name] ?? null));
}

/**
 * Every SKU names exactly the product's specs, each with a value from that spec's list, and no two
 * SKUs (including those the product already has, `existing`) stand for the same combination.
 */
export function checkSkuSpecs(
  definitions: readonly SpecDefinition[],
  skus: ReadonlyArray<{ specs: SkuSpecs }>,
  options: { existing?: ReadonlyArray<{ specs: SkuSpecs }>; pathOf?: (index: number) => string } = {},
): SpecProblem[] {
  const pathOf = options.pathOf ?? ((i: number) => `body/skus/${i}/specs`);
  const known = new Map(definitions.map((d) => [d.name, d.values]));
  const taken = new Set((options.existing ?? []).map((s) => specCombination(definitions, s.specs)));
  const problems: SpecProblem[] = [];

  skus.forEach((sku, i) => {
    const path = pathOf(i);
    const before = problems.length;
    for (const definition of definitions) {
      const value = sku.specs[definition.name];
      if (value === undefined) problems.push({ path, message: `缺少规格「${definition.name}」` });
      else if (!definition.values.includes(value)) {
        problems.push({ path, message: `规格「${definition.name}」没有「${value}」这个值` });
      }
    }
    for (const name of Object.keys(sku.specs)) {
      if (!known.has(name)) problems.push({ path, message: `商品没有「${name}」这个规格` });
    }
    if (problems.length > before) return;
    const combination = specCombination(definitions, sku.specs);
    if (taken.has(combination)) problems.push({ path, message: `规格组合 ${describe(definitions, sku.specs)} 已有 SKU` });
    taken.add(combination);
  });
  return problems;
}

function describe(definitions: readonly SpecDefinition[], specs: SkuSpecs): string {
  return definitions.length === 0 ? '（无规格）' : definitions.map((d) => `${d.name}:${specs[d.name]}`).join(' / ');
}

/** SKUs in the order the spec lists give (红 S, 红 M, 蓝 S…), the order a shopper reads a spec picker in. */
export function orderSkusBySpecs<T extends { specs: SkuSpecs }>(definitions: readonly SpecDefinition[], skus: readonly T[]): T[] {
  const rank = (sku: T) => definitions.map((d) => {
    const at = d.values.indexOf(sku.specs[d.name] ?? '');
    return at === -1 ? d.values.length : at;
  });
  return [...skus].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) {
      const diff = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
}
