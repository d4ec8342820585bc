/** A SKU's price is positive and never above its list price (the crossed-out "原价"). */
export function skuPriceProblem(price: number, listPrice: number): { field: 'price' | 'listPrice'; message: string } | null {
  if (!Number.isInteger(price) || price <= 0) return { field: 'price', message: '售价必须大于 0' };
  if (!Number.isInteger(listPrice) || listPrice < price) return { field: 'listPrice', message: '划线价不能低于售价' };
  return null;
}
