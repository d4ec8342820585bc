import { skuPriceProblem } from '@linli/shared/catalog/sku-price-rule';
import { checkSpecDefinitions } from '@linli/shared/catalog/spec-rules';
import { fenToYuanText, parseYuanToFen } from '@linli/shared/money';
import type { SpecDefinition } from '@linli/shared/schemas/catalog';
import {
  CreateProductBody,
  SkuInput,
  SpecDefinitionInput,
  type ConsoleProductDetail,
  type UpdateProductBody,
  type UpdateSkuPriceBody,
} from '@linli/shared/schemas/catalog-console';
import { ApiError, errorText } from '../api/api-error';
import { declared } from './schema-limit';
import { combinationCount, maxSkus, newCodePrefix, regenerateRows, rowKey, type SkuRow, type SpecDraft } from './sku-grid';

/** The product as the form holds it: text as typed, money in 元 text, the SKU grid row by row. */
export interface ProductDraft {
  title: string;
  subtitle: string;
  categoryId: string | null;
  detail: string;
  /** media URLs as the BFF stored them; the first is the cover */
  images: string[];
  specs: SpecDraft[];
  skus: SkuRow[];
  onShelf: boolean;
}

export type SkuCell = 'code' | 'price' | 'listPrice' | 'stock';
const skuCells: readonly SkuCell[] = ['code', 'price', 'listPrice', 'stock'];

/** Where an error shows: a product field, one spec's name or values, one SKU cell, or the grid as a whole. */
export type ErrorKey =
  | 'title'
  | 'subtitle'
  | 'categoryId'
  | 'detail'
  | 'images'
  | 'specs'
  | 'skus'
  | `specs.${number}.name`
  | `specs.${number}.values`
  | `skus:${string}`;
export type FormErrors = Partial<Record<ErrorKey, string>>;

export function skuCellKey(key: string, cell: SkuCell): ErrorKey {
  return `skus:${key}:${cell}`;
}

const { properties: product } = CreateProductBody;
const { properties: sku } = SkuInput;

/** The BFF's limits, read from the shared schema. */
export const limits = {
  title: declared(product.title.maxLength, 'the title length'),
  subtitle: declared(product.subtitle.maxLength, 'the subtitle length'),
  detail: declared(product.detail.maxLength, 'the detail length'),
  images: declared(product.images.maxItems, 'the image count'),
  specs: declared(product.specs.maxItems, 'the spec count'),
  specName: declared(SpecDefinitionInput.properties.name.maxLength, 'the spec name length'),
  specValues: declared(SpecDefinitionInput.properties.values.maxItems, 'the spec value count'),
  specValue: declared(SpecDefinitionInput.properties.values.items.maxLength, 'the spec value length'),
  priceFen: declared(sku.price.maximum, 'the highest price'),
  stock: declared(sku.stock.maximum, 'the highest stock'),
  code: new RegExp(declared(sku.code.pattern, 'the SKU code pattern')),
};

export function emptyDraft(codePrefix: string): ProductDraft {
  return { title: '', subtitle: '', categoryId: null, detail: '', images: [], specs: [], skus: regenerateRows([], [], codePrefix), onShelf: false };
}

/** The prefix the product's codes share (`tea-cup-1`, `tea-cup-2` → `tea-cup`), so a SKU added later continues them. */
export function codePrefixOf(codes: readonly string[]): string {
  const heads = new Set(codes.map((code) => /^(.+)-\d+$/.exec(code)?.[1] ?? null));
  const [head] = heads;
  return heads.size === 1 && head ? head : newCodePrefix();
}

/**
 * A saved product as the form edits it; a list price equal to the price shows blank, as staff would
 * have left it. A combination the product has no SKU for yet is a new row (codes from `codePrefix`).
 */
export function draftOf(detail: ConsoleProductDetail, codePrefix: string): ProductDraft {
  const rows = detail.skus.map((s): SkuRow => {
    const values = detail.specs.map((spec) => s.specs[spec.name] ?? '');
    return {
      key: rowKey(values),
      values,
      id: s.id,
      code: s.code,
      price: fenToYuanText(s.price),
      listPrice: s.listPrice === s.price ? '' : fenToYuanText(s.listPrice),
      stock: String(s.stock),
    };
  });
  const specs = detail.specs.map((spec) => ({ name: spec.name, values: [...spec.values] }));
  return {
    title: detail.title,
    subtitle: detail.subtitle,
    categoryId: detail.categoryId,
    detail: detail.detail,
    images: [...detail.images],
    specs,
    skus: regenerateRows(specs, rows, codePrefix),
    onShelf: detail.onShelf,
  };
}

export interface CheckedSku {
  rowKey: string;
  id: string | null;
  /** for a saved row, `stock` is not sent: stock moves by adjustment only */
  input: SkuInput;
}

/** A draft that passed every rule the BFF checks, in the BFF's terms (fen, trimmed text). */
export interface CheckedProduct {
  fields: Required<Omit<CreateProductBody, 'skus' | 'onShelf'>>;
  skus: CheckedSku[];
  onShelf: boolean;
}

function checkSpecs(specs: readonly SpecDraft[], errors: FormErrors): SpecDefinition[] {
  const trimmed = specs.map((spec) => ({ name: spec.name.trim(), values: spec.values }));
  if (trimmed.length > limits.specs) errors.specs = `最多 ${limits.specs} 个规格`;
  trimmed.forEach((spec, i) => {
    if (spec.name === '') errors[`specs.${i}.name`] = '请填写规格名';
    else if (spec.name.length > limits.specName) errors[`specs.${i}.name`] = `规格名最多 ${limits.specName} 个字`;
    if (spec.values.length === 0) errors[`specs.${i}.values`] = '请至少填写一个规格值';
    else if (spec.values.length > limits.specValues) errors[`specs.${i}.values`] = `每个规格最多 ${limits.specValues} 个值`;
    else if (spec.values.some((value) => value.length > limits.specValue)) errors[`specs.${i}.values`] = `规格值最多 ${limits.specValue} 个字`;
  });
  for (const problem of checkSpecDefinitions(trimmed)) {
    const at = /^body\/specs\/(\d+)\/values$/.exec(problem.path);
    const key: ErrorKey = at ? `specs.${Number(at[1])}.values` : 'specs';
    errors[key] ??= problem.message;
  }
  const count = combinationCount(trimmed);
  if (count > maxSkus) errors.specs ??= `规格组合共 ${count} 个，最多 ${maxSkus} 个`;
  return trimmed;
}

function yuanProblem(fen: number | null): string | null {
  if (fen === null) return '请输入金额，最多两位小数';
  if (fen > limits.priceFen) return `金额不能超过 ${fenToYuanText(limits.priceFen)} 元`;
  return null;
}

function checkSku(row: SkuRow, specs: readonly SpecDefinition[], errors: FormErrors, codesSeen: Set<string>): CheckedSku | null {
  const before = Object.keys(errors).length;
  const code = row.code.trim();
  if (code === '') errors[skuCellKey(row.key, 'code')] = '请填写编码';
  else if (!limits.code.test(code)) errors[skuCellKey(row.key, 'code')] = '编码以字母或数字开头，只含字母、数字、-、_，最多 40 位';
  else if (codesSeen.has(code)) errors[skuCellKey(row.key, 'code')] = '编码与其他 SKU 重复';
  codesSeen.add(code);

  const price = row.price.trim() === '' ? null : parseYuanToFen(row.price);
  const listPrice = row.listPrice.trim() === '' ? price : parseYuanToFen(row.listPrice);
  const priceText = row.price.trim() === '' ? '请填写售价' : yuanProblem(price);
  if (priceText) errors[skuCellKey(row.key, 'price')] = priceText;
  const listText = row.listPrice.trim() === '' ? null : yuanProblem(listPrice);
  if (listText) errors[skuCellKey(row.key, 'listPrice')] = listText;
  if (price !== null && listPrice !== null && !priceText && !listText) {
    const problem = skuPriceProblem(price, listPrice);
    if (problem) errors[skuCellKey(row.key, problem.field)] = problem.message;
  }

  const stockText = row.stock.trim();
  let stock = 0;
  if (row.id === null) {
    if (stockText === '') errors[skuCellKey(row.key, 'stock')] = '请填写库存';
    else if (!/^\d+$/.test(stockText)) errors[skuCellKey(row.key, 'stock')] = '库存为 0 或正整数';
    else if (Number(stockText) > limits.stock) errors[skuCellKey(row.key, 'stock')] = `库存最多 ${limits.stock}`;
    else stock = Number(stockText);
  }

  if (Object.keys(errors).length > before || price === null || listPrice === null) return null;
  const skuSpecs = Object.fromEntries(specs.map((spec, i) => [spec.name, row.values[i] ?? '']));
  return { rowKey: row.key, id: row.id, input: { code, specs: skuSpecs, price, listPrice, stock } };
}

/** The BFF's rules for a product and its SKUs, checked before anything is sent; every problem at its own field. */
export function checkDraft(draft: ProductDraft): { ok: true; product: CheckedProduct } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const title = draft.title.trim();
  if (title === '') errors.title = '请填写商品标题';
  else if (title.length > limits.title) errors.title = `标题最多 ${limits.title} 个字`;
  const subtitle = draft.subtitle.trim();
  if (subtitle.length > limits.subtitle) errors.subtitle = `副标题最多 ${limits.subtitle} 个字`;
  if (draft.categoryId === null) errors.categoryId = '请选择类目';
  if (draft.images.length === 0) errors.images = '请至少上传一张商品图片（第一张为封面）';
  else if (draft.images.length > limits.images) errors.images = `最多 ${limits.images} 张图片`;
  const detail = draft.detail.trim();
  if (detail.length > limits.detail) errors.detail = `详情最多 ${limits.detail} 个字`;

  const specs = checkSpecs(draft.specs, errors);
  const codesSeen = new Set<string>();
  const skus = errors.specs ? [] : draft.skus.map((row) => checkSku(row, specs, errors, codesSeen));

  if (Object.keys(errors).length > 0 || draft.categoryId === null) return { ok: false, errors };
  return {
    ok: true,
    product: {
      fields: { categoryId: draft.categoryId, title, subtitle, detail, images: draft.images, specs },
      skus: skus.filter((s): s is CheckedSku => s !== null),
      onShelf: draft.onShelf,
    },
  };
}

export function createBody(product: CheckedProduct): CreateProductBody {
  return { ...product.fields, skus: product.skus.map((s) => s.input), onShelf: product.onShelf };
}

/** What saving an edit takes, in the order it is sent: the product (its specs first), new SKUs, repricing, the shelf. */
export interface EditPlan {
  patch: UpdateProductBody | null;
  newSkus: Array<{ rowKey: string; body: SkuInput }>;
  repricings: Array<{ rowKey: string; skuId: string; body: UpdateSkuPriceBody }>;
  onShelf: boolean | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what differs from the saved product is sent; stock is not among it (it moves by adjustment only). */
export function editPlan(saved: ConsoleProductDetail, product: CheckedProduct): EditPlan {
  const patch: UpdateProductBody = {};
  const { fields } = product;
  if (fields.title !== saved.title) patch.title = fields.title;
  if (fields.subtitle !== saved.subtitle) patch.subtitle = fields.subtitle;
  if (fields.categoryId !== saved.categoryId) patch.categoryId = fields.categoryId;
  if (fields.detail !== saved.detail) patch.detail = fields.detail;
  if (!same(fields.images, saved.images)) patch.images = fields.images;
  if (!same(fields.specs, saved.specs)) patch.specs = fields.specs;

  const savedSkus = new Map(saved.skus.map((s) => [s.id, s]));
  const newSkus: EditPlan['newSkus'] = [];
  const repricings: EditPlan['repricings'] = [];
  for (const { rowKey: key, id, input } of product.skus) {
    const before = id === null ? undefined : savedSkus.get(id);
    if (id === null || !before) {
      newSkus.push({ rowKey: key, body: input });
      continue;
    }
    const body: UpdateSkuPriceBody = {};
    if (input.price !== before.price) body.price = input.price;
    if (input.listPrice !== before.listPrice) body.listPrice = input.listPrice;
    if (Object.keys(body).length > 0) repricings.push({ rowKey: key, skuId: id, body });
  }
  return {
    patch: Object.keys(patch).length > 0 ? patch : null,
    newSkus,
    repricings,
    onShelf: product.onShelf === saved.onShelf ? null : product.onShelf,
  };
}

/**
 * The draft after part of an edit was saved and the rest refused: rows the BFF now has become saved
 * rows (its id, code and stock), everything typed stays, so saving again sends only what is left.
 */
export function withSavedSkus(draft: ProductDraft, detail: ConsoleProductDetail): ProductDraft {
  const byKey = new Map(detail.skus.map((s) => [rowKey(detail.specs.map((spec) => s.specs[spec.name] ?? '')), s]));
  return {
    ...draft,
    skus: draft.skus.map((row) => {
      const saved = byKey.get(row.key);
      return saved ? { ...row, id: saved.id, code: saved.code, stock: String(saved.stock) } : row;
    }),
  };
}

export function planIsEmpty(plan: EditPlan): boolean {
  return plan.patch === null && plan.newSkus.length === 0 && plan.repricings.length === 0 && plan.onShelf === null;
}

const productFields = ['title', 'subtitle', 'categoryId', 'detail', 'images'] as const;

function isCell(name: string | undefined): name is SkuCell {
  return skuCells.includes(name as SkuCell);
}

/** Where one of the BFF's detail paths points: `body/skus/2/listPrice` is the list price cell of the grid's third row sent. */
function keyOfPath(path: string, at: Refused): ErrorKey {
  const [first, second, third] = path.replace(/^body\/?/, '').split('/');
  if ('rowKey' in at) {
    if (isCell(first)) return skuCellKey(at.rowKey, first);
    return first === 'specs' ? 'specs' : 'skus';
  }
  if (first === 'skus') {
    const key = at.rowKeys[Number(second)];
    return key !== undefined && isCell(third) ? skuCellKey(key, third) : 'skus';
  }
  if (first === 'specs') return (third === 'name' || third === 'values') && second !== undefined ? `specs.${Number(second)}.${third}` : 'specs';
  return productFields.find((field) => field === first) ?? 'skus';
}

/** What was refused: the whole product (its SKUs in the order sent) or one SKU row. */
export type Refused = { rowKeys: readonly string[] } | { rowKey: string };

/** A refusal from the BFF placed on the form: each detail at the field its path names, the message above the form. */
export function refusalErrors(error: unknown, at: Refused): { fields: FormErrors; message: string } {
  const message = errorText(error, '保存失败，请稍后重试');
  const fields: FormErrors = {};
  if (!(error instanceof ApiError)) return { fields, message };
  for (const detail of error.details) fields[keyOfPath(detail.path, at)] ??= detail.message;
  if (error.code === 'UNKNOWN_CATEGORY') fields.categoryId ??= error.message;
  if (error.code === 'SKU_CODE_TAKEN') fields['rowKey' in at ? skuCellKey(at.rowKey, 'code') : 'skus'] ??= error.message;
  return { fields, message };
}
