import type { DemoProduct } from './demo-types';

/** One SKU as written in the data files: spec values in the order of the product's specs, then fen. */
export type SkuRow = [values: string[], price: number, listPrice: number, stock: number];

export interface ProductDraft extends Omit<DemoProduct, 'skus' | 'salesCount' | 'detail'> {
  /** Paragraphs of the detail text. */
  detail: string[];
  skus: SkuRow[];
}

/** Expands a compactly written product; SKU codes are the slug plus the SKU's 1-based position. */
export function defineProduct(draft: ProductDraft): DemoProduct {
  const { skus, detail, ...product } = draft;
  return {
    ...product,
    detail: detail.join('\n\n'),
    salesCount: 0,
    skus: skus.map(([values, price, listPrice, stock], index) => {
      if (values.length !== draft.specs.length) {
        throw new Error(`${draft.slug}: SKU ${index + 1} has ${values.length} spec values for ${draft.specs.length} specs`);
      }
      return {
        code: `${draft.slug}-${index + 1}`,
        specs: Object.fromEntries(draft.specs.map((spec, i) => [spec.name, values[i] ?? ''])),
        price,
        listPrice,
        stock,
      };
    }),
  };
}
