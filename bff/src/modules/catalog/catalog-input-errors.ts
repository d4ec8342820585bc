import { skuPriceProblem } from '@linli/shared/catalog/sku-price-rule';
import type { SpecProblem } from '@linli/shared/catalog/spec-rules';
import { AppError } from '../../plugins/errors';

/** Input that is well-formed JSON but breaks a catalog rule: one error per rule, every problem listed. */

export function throwIfSpecProblems(problems: SpecProblem[]): void {
  if (problems.length > 0) throw new AppError(400, 'INVALID_SPECS', '规格与商品不符', problems);
}

/** Each problem's path ends in the field it is about (`body/skus/2/listPrice`), so the console can mark that cell. */
export function throwIfPriceProblems(prices: ReadonlyArray<{ price: number; listPrice: number; path: string }>): void {
  const problems = prices.flatMap(({ price, listPrice, path }) => {
    const problem = skuPriceProblem(price, listPrice);
    return problem ? [{ path: `${path}/${problem.field}`, message: problem.message }] : [];
  });
  if (problems.length > 0) throw new AppError(400, 'INVALID_PRICE', '价格不合法', problems);
}

export function throwIfRepeatedCodes(codes: readonly string[]): void {
  const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
  if (repeated !== undefined) throw new AppError(409, 'SKU_CODE_TAKEN', `SKU 编码 ${repeated} 重复`);
}
