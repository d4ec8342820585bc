/** A SKU's price is positive and never above its list price (the crossed-out "原价"). */
export function skuPriceProblem(price: number, listPrice: number): string | null {
  if (!Number.isInteger(price) || price <= 0) return '售价必须是大于 0 的整数（分）';
  if (!Number.isInteger(listPrice) || listPrice < price) return '划线价不能低于售价';
  return null;
}
