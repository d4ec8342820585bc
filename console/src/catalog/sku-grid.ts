import { CreateProductBody } from '@linli/shared/schemas/catalog-console';
import { declared } from './schema-limit';

/** A spec as staff type it: a name and its values (颜色: 红 / 蓝). */
export interface SpecDraft {
  name: string;
  values: string[];
}

/** One row of the SKU grid: one combination of spec values, with what staff typed for it. */
export interface SkuRow {
  /** The combination's values in spec order, as JSON: a row keeps its key (and its input) when a spec is renamed or gains values. */
  key: string;
  values: string[];
  /** the saved SKU's id; null until the BFF has stored the row */
  id: string | null;
  code: string;
  /** 元, as typed */
  price: string;
  /** 元, as typed; blank means no crossed-out price (the list price is the price) */
  listPrice: string;
  /** a new row's opening stock as typed; a saved row's stock as the BFF last reported it */
  stock: string;
}

export const maxSkus = declared(CreateProductBody.properties.skus.maxItems, 'the SKU limit');

export function rowKey(values: readonly string[]): string {
  return JSON.stringify(values);
}

/** The specs that take part in the grid: a spec with no values yet adds no column. */
export function gridSpecs(specs: readonly SpecDraft[]): SpecDraft[] {
  return specs.filter((spec) => spec.values.length > 0);
}

/** How many SKUs the specs make (1 for a product without specs). */
export function combinationCount(specs: readonly SpecDraft[]): number {
  return gridSpecs(specs).reduce((count, spec) => count * spec.values.length, 1);
}

/** Every combination in spec-list order (红 S, 红 M, 蓝 S…), the order a shopper reads the spec picker in. */
export function combinations(specs: readonly SpecDraft[]): string[][] {
  return gridSpecs(specs).reduce<string[][]>((partial, spec) => partial.flatMap((head) => spec.values.map((value) => [...head, value])), [[]]);
}

/**
 * The grid for `specs`: one row per combination, keeping what was typed (and the saved id) for every
 * combination that was already there. Rows not saved yet whose code is still a generated one are
 * numbered `<prefix>-1`, `-2`… in grid order, around codes that saved rows hold or staff typed. Past
 * the SKU limit the grid is left as it was: the specs field says why.
 */
export function regenerateRows(specs: readonly SpecDraft[], previous: readonly SkuRow[], codePrefix: string): SkuRow[] {
  if (combinationCount(specs) > maxSkus) return [...previous];
  const byKey = new Map(previous.map((row) => [row.key, row]));
  const rows = combinations(specs).map(
    (values): SkuRow => byKey.get(rowKey(values)) ?? { key: rowKey(values), values, id: null, code: '', price: '', listPrice: '', stock: '' },
  );
  const generatedCode = (code: string) => code === '' || (code.startsWith(`${codePrefix}-`) && /^\d+$/.test(code.slice(codePrefix.length + 1)));
  const generated = (row: SkuRow) => row.id === null && generatedCode(row.code);
  const taken = new Set(rows.filter((row) => !generated(row)).map((row) => row.code));
  let next = 1;
  return rows.map((row) => {
    if (!generated(row)) return row;
    while (taken.has(`${codePrefix}-${next}`)) next++;
    return { ...row, code: `${codePrefix}-${next++}` };
  });
}

const codeAlphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A short prefix for a new product's SKU codes (P7K3QX): unlikely to meet another product's, and staff may retype it. */
export function newCodePrefix(random: () => number = Math.random): string {
  let prefix = 'P';
  for (let i = 0; i < 6; i++) prefix += codeAlphabet[Math.floor(random() * codeAlphabet.length)] ?? '0';
  return prefix;
}

/** 批量设置: the typed values go into every row that is not saved yet, or, for prices, every row. */
export function fillRows(rows: readonly SkuRow[], fill: { price: string; listPrice: string; stock: string }): SkuRow[] {
  return rows.map((row) => ({
    ...row,
    price: fill.price.trim() === '' ? row.price : fill.price.trim(),
    listPrice: fill.listPrice.trim() === '' ? row.listPrice : fill.listPrice.trim(),
    stock: fill.stock.trim() === '' || row.id !== null ? row.stock : fill.stock.trim(),
  }));
}
