import { AppError } from '../../plugins/errors';

/**
 * The catalog's database constraints, translated into the API's stable error codes. The database is
 * the authority (two staff saving the same SKU code at once cannot both pass a prior check); this
 * maps its verdict to what the console shows.
 */
const byConstraint: Record<string, () => AppError> = {
  skus_code_unique: () => new AppError(409, 'SKU_CODE_TAKEN', 'SKU 编码已被使用'),
  categories_name_unique: () => new AppError(409, 'CATEGORY_NAME_TAKEN', '已有同名类目'),
  products_category_id_categories_id_fk: () => new AppError(400, 'UNKNOWN_CATEGORY', '类目不存在'),
  skus_stock_non_negative: () => new AppError(409, 'STOCK_WOULD_GO_NEGATIVE', '库存不能小于 0'),
  skus_price_positive: () => new AppError(400, 'INVALID_PRICE', '售价必须大于 0 且不高于划线价'),
};

/** postgres.js names it `constraint_name`, PGlite `constraint`; drizzle wraps either in `cause`. */
function violatedConstraint(err: unknown): string | null {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { constraint_name: name, constraint } = e as { constraint_name?: unknown; constraint?: unknown };
    if (typeof name === 'string') return name;
    if (typeof constraint === 'string') return constraint;
  }
  return null;
}

/** Rethrows a catalog constraint violation as its AppError; anything else unchanged. */
export function rethrowConstraintError(err: unknown): never {
  const constraint = violatedConstraint(err);
  const translate = constraint ? byConstraint[constraint] : undefined;
  throw translate ? translate() : err;
}
