import type { Sku } from '@linli/shared/schemas/catalog';

/** The value chosen for each spec so far, e.g. `{ 颜色: '红', 尺码: 'M' }`. */
export type SpecSelection = Readonly<Record<string, string>>;

function matches(sku: Sku, selection: SpecSelection): boolean {
  return Object.entries(selection).every(([name, value]) => sku.specs[name] === value);
}

/** The SKU the selection names, once a value is chosen for every spec; otherwise null. */
export function selectedSku(skus: readonly Sku[], specNames: readonly string[], selection: SpecSelection): Sku | null {
  if (!specNames.every((name) => selection[name] !== undefined)) return null;
  return skus.find((sku) => matches(sku, selection)) ?? null;
}

/**
 * Whether choosing `value` for `specName`, keeping the other choices, still leads to a SKU in stock.
 * The picker greys out values that do not, so a shopper never lands on a combination they cannot buy.
 */
export function valueAvailable(skus: readonly Sku[], selection: SpecSelection, specName: string, value: string): boolean {
  const next = { ...selection, [specName]: value };
  return skus.some((sku) => sku.stock > 0 && matches(sku, next));
}

/** A product with a single SKU and no specs has nothing to pick: start with it chosen. */
export function initialSelection(skus: readonly Sku[]): SpecSelection {
  const [only] = skus;
  return skus.length === 1 && only !== undefined ? { ...only.specs } : {};
}

/**
 * A friend arriving to join a group should not have to pick first: choose the first group-buy SKU
 * that is in stock. Without one, fall back to the ordinary starting selection.
 */
export function selectionForJoining(skus: readonly Sku[], groupBuySkuIds: readonly string[]): SpecSelection {
  const candidate = skus.find((sku) => sku.stock > 0 && groupBuySkuIds.includes(sku.id));
  return candidate ? { ...candidate.specs } : initialSelection(skus);
}
