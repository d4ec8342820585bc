import { formatFen } from '@linli/shared/money';
import type { SpecDefinition } from '@linli/shared/schemas/catalog';
import type { ConsoleProductDetail, ConsoleProductRow } from '@linli/shared/schemas/catalog-console';

/** The list's price column: one price, or the range from the cheapest to the dearest SKU. */
export function priceRangeText(row: Pick<ConsoleProductRow, 'price' | 'maxPrice' | 'skuCount'>): string {
  if (row.skuCount === 0) return '—';
  return row.price === row.maxPrice ? formatFen(row.price) : `${formatFen(row.price)} – ${formatFen(row.maxPrice)}`;
}

/** The total stock as staff scan it: 0 stands out as 售罄. */
export function stockText(totalStock: number): { text: string; soldOut: boolean } {
  return totalStock === 0 ? { text: '售罄', soldOut: true } : { text: String(totalStock), soldOut: false };
}

/** A SKU as the stock dialog names it: its values in spec order (红 / S), or 默认 for a product without specs. */
export function skuLabel(specs: readonly SpecDefinition[], skuSpecs: Readonly<Record<string, string>>): string {
  return specs.length === 0 ? '默认' : specs.map((spec) => skuSpecs[spec.name] ?? '—').join(' / ');
}

/** What the shelf switch asks before it moves. */
export function shelfQuestion(title: string, onShelf: boolean): { title: string; description: string } {
  return onShelf
    ? { title: `下架「${title}」？`, description: '下架后买家将看不到这个商品，已下单的订单不受影响。' }
    : { title: `上架「${title}」？`, description: '上架后买家立即可以浏览和购买。' };
}

/** A saved product as its list row, so the row shows what the BFF just answered without reloading the list. */
export function rowOf(detail: ConsoleProductDetail): ConsoleProductRow {
  const prices = detail.skus.map((s) => s.price);
  return {
    id: detail.id,
    categoryId: detail.categoryId,
    title: detail.title,
    coverUrl: detail.images[0] ?? '',
    onShelf: detail.onShelf,
    salesCount: detail.salesCount,
    price: prices.length > 0 ? Math.min(...prices) : 0,
    maxPrice: prices.length > 0 ? Math.max(...prices) : 0,
    totalStock: detail.skus.reduce((sum, s) => sum + s.stock, 0),
    skuCount: detail.skus.length,
    updatedAt: detail.updatedAt,
  };
}
