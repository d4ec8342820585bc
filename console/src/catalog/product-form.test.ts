import type { ConsoleProductDetail } from '@linli/shared/schemas/catalog-console';
import { ApiError } from '../api/api-error';
import {
  checkDraft,
  codePrefixOf,
  createBody,
  draftOf,
  editPlan,
  emptyDraft,
  limits,
  planIsEmpty,
  refusalErrors,
  skuCellKey,
  withSavedSkus,
  type ProductDraft,
} from './product-form';
import { regenerateRows, rowKey } from './sku-grid';

const categoryId = '6f1c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31';
const specs = [
  { name: '颜色', values: ['红', '蓝'] },
  { name: '尺码', values: ['S', 'M'] },
];

/** A shirt in two colours and two sizes, every cell filled. */
function shirt(overrides: Partial<ProductDraft> = {}): ProductDraft {
  const rows = regenerateRows(specs, [], 'TS').map((row, i) => ({ ...row, price: `1${i}.50`, listPrice: '29.9', stock: '10' }));
  return { ...emptyDraft('TS'), title: ' 纯棉T恤 ', categoryId, images: ['/media/uploads/a.png'], specs, skus: rows, ...overrides };
}

const redS = rowKey(['红', 'S']);

describe('checkDraft', () => {
  it('turns a filled draft into the create body, prices in exact fen and the title trimmed', () => {
    const checked = checkDraft(shirt());
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const body = createBody(checked.product);
    expect(body).toMatchObject({ title: '纯棉T恤', categoryId, images: ['/media/uploads/a.png'], specs, onShelf: false });
    expect(body.skus.map((s) => [s.code, s.specs, s.price, s.listPrice, s.stock])).toEqual([
      ['TS-1', { 颜色: '红', 尺码: 'S' }, 1050, 2990, 10],
      ['TS-2', { 颜色: '红', 尺码: 'M' }, 1150, 2990, 10],
      ['TS-3', { 颜色: '蓝', 尺码: 'S' }, 1250, 2990, 10],
      ['TS-4', { 颜色: '蓝', 尺码: 'M' }, 1350, 2990, 10],
    ]);
  });

  it('takes a blank list price as the price itself (no crossed-out price)', () => {
    const draft = shirt();
    draft.skus = draft.skus.map((row) => ({ ...row, listPrice: '' }));
    const checked = checkDraft(draft);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.product.skus[0]?.input).toMatchObject({ price: 1050, listPrice: 1050 });
  });

  it('puts a price with three decimals next to that row’s price cell', () => {
    const draft = shirt();
    draft.skus = draft.skus.map((row) => (row.key === redS ? { ...row, price: '12.345' } : row));
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors).toEqual({ [skuCellKey(redS, 'price')]: '请输入金额，最多两位小数' });
  });

  it('asks for a missing price and a missing opening stock cell by cell', () => {
    const draft = shirt();
    draft.skus = draft.skus.map((row) => (row.key === redS ? { ...row, price: ' ', stock: '' } : row));
    const checked = checkDraft(draft);
    if (checked.ok) throw new Error('accepted a row without price');
    expect(checked.errors[skuCellKey(redS, 'price')]).toBe('请填写售价');
    expect(checked.errors[skuCellKey(redS, 'stock')]).toBe('请填写库存');
  });

  it('applies the shared price rule: a zero price, and a list price below the price, at their own cells', () => {
    const draft = shirt();
    draft.skus = draft.skus.map((row, i) => (i === 0 ? { ...row, price: '0' } : i === 1 ? { ...row, price: '30', listPrice: '29.99' } : row));
    const checked = checkDraft(draft);
    if (checked.ok) throw new Error('accepted bad prices');
    expect(checked.errors).toEqual({
      [skuCellKey(redS, 'price')]: '售价必须大于 0',
      [skuCellKey(rowKey(['红', 'M']), 'listPrice')]: '划线价不能低于售价',
    });
  });

  it('refuses a price above the schema’s maximum', () => {
    const draft = shirt();
    draft.skus = draft.skus.map((row) => ({ ...row, price: String(limits.priceFen / 100 + 1), listPrice: '' }));
    const checked = checkDraft(draft);
    expect(!checked.ok && checked.errors[skuCellKey(redS, 'price')]).toBe('金额不能超过 1000000.00 元');
  });

  it('refuses a code the BFF’s pattern refuses, and the same code twice (at the second row)', () => {
    const draft = shirt();
    draft.skus = draft.skus.map((row, i) => (i === 0 ? { ...row, code: '-bad' } : i === 3 ? { ...row, code: 'TS-2' } : row));
    const checked = checkDraft(draft);
    if (checked.ok) throw new Error('accepted bad codes');
    expect(Object.keys(checked.errors).sort()).toEqual([skuCellKey(redS, 'code'), skuCellKey(rowKey(['蓝', 'M']), 'code')].sort());
  });

  it('places product field problems at their fields', () => {
    const checked = checkDraft(shirt({ title: '  ', categoryId: null, images: [], subtitle: '字'.repeat(limits.subtitle + 1) }));
    if (checked.ok) throw new Error('accepted an empty product');
    expect(checked.errors).toEqual({
      title: '请填写商品标题',
      categoryId: '请选择类目',
      images: '请至少上传一张商品图片（第一张为封面）',
      subtitle: `副标题最多 ${limits.subtitle} 个字`,
    });
  });

  it('uses the shared spec rule for a spec named twice, and asks for a name and values', () => {
    const draft = shirt({ specs: [{ name: '颜色', values: ['红'] }, { name: '颜色 ', values: ['蓝'] }, { name: '', values: [] }] });
    const checked = checkDraft(draft);
    if (checked.ok) throw new Error('accepted a repeated spec');
    expect(checked.errors.specs).toBe('规格「颜色」重复');
    expect(checked.errors['specs.2.name']).toBe('请填写规格名');
    expect(checked.errors['specs.2.values']).toBe('请至少填写一个规格值');
  });

  it('reads its limits from the shared schema', () => {
    expect(limits).toMatchObject({ title: 60, images: 9, specs: 3, specName: 10, specValue: 20, priceFen: 100_000_000, stock: 1_000_000 });
  });
});

const savedShirt: ConsoleProductDetail = {
  id: 'p1',
  categoryId,
  title: '纯棉T恤',
  subtitle: '',
  detail: '柔软',
  images: ['/media/uploads/a.png'],
  specs: [{ name: '颜色', values: ['红', '蓝'] }],
  onShelf: true,
  salesCount: 3,
  skus: [
    { id: 's-red', code: 'tee-1', specs: { 颜色: '红' }, price: 1990, listPrice: 2990, stock: 4 },
    { id: 's-blue', code: 'tee-2', specs: { 颜色: '蓝' }, price: 1990, listPrice: 1990, stock: 0 },
  ],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('draftOf and editPlan', () => {
  it('shows a saved product in 元 with a list price equal to the price left blank', () => {
    const draft = draftOf(savedShirt, 'tee');
    expect(draft.skus.map((r) => [r.id, r.code, r.price, r.listPrice, r.stock])).toEqual([
      ['s-red', 'tee-1', '19.90', '29.90', '4'],
      ['s-blue', 'tee-2', '19.90', '', '0'],
    ]);
  });

  it('has nothing to send when nothing changed', () => {
    const checked = checkDraft(draftOf(savedShirt, 'tee'));
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(planIsEmpty(editPlan(savedShirt, checked.product))).toBe(true);
  });

  it('sends the changed fields, the extended specs, the new SKU and only the changed price', () => {
    const draft = draftOf(savedShirt, 'tee');
    draft.title = '纯棉T恤 2025';
    draft.specs = [{ name: '颜色', values: ['红', '蓝', '绿'] }];
    draft.skus = regenerateRows(draft.specs, draft.skus, 'tee').map((row) =>
      row.id === 's-blue' ? { ...row, price: '17.90' } : row.id === null ? { ...row, price: '19.9', stock: '8' } : row,
    );
    draft.onShelf = false;
    const checked = checkDraft(draft);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(editPlan(savedShirt, checked.product)).toEqual({
      patch: { title: '纯棉T恤 2025', specs: [{ name: '颜色', values: ['红', '蓝', '绿'] }] },
      newSkus: [{ rowKey: rowKey(['绿']), body: { code: 'tee-3', specs: { 颜色: '绿' }, price: 1990, listPrice: 1990, stock: 8 } }],
      repricings: [{ rowKey: rowKey(['蓝']), skuId: 's-blue', body: { price: 1790, listPrice: 1790 } }],
      onShelf: false,
    });
  });

  it('after a partly saved edit, takes the SKUs the BFF now has as saved rows and keeps what was typed', () => {
    const draft = draftOf(savedShirt, 'tee');
    draft.specs = [{ name: '颜色', values: ['红', '蓝', '绿'] }];
    draft.skus = regenerateRows(draft.specs, draft.skus, 'tee').map((row) => (row.id === null ? { ...row, price: '19.9', stock: '8' } : row));
    const green = { id: 's-green', code: 'tee-3', specs: { 颜色: '绿' }, price: 1990, listPrice: 1990, stock: 8 };
    const after = withSavedSkus(draft, { ...savedShirt, specs: draft.specs, skus: [...savedShirt.skus, green] });
    expect(after.skus.map((r) => [r.id, r.price, r.stock])).toEqual([
      ['s-red', '19.90', '4'],
      ['s-blue', '19.90', '0'],
      ['s-green', '19.9', '8'],
    ]);
  });

  it('continues the product’s own code prefix, or makes a new one when codes share none', () => {
    expect(codePrefixOf(['tea-cup-1', 'tea-cup-12'])).toBe('tea-cup');
    expect(codePrefixOf(['A-1', 'B-2'])).toMatch(/^P[0-9A-Z]{6}$/);
  });
});

describe('refusalErrors', () => {
  const rows = [redS, rowKey(['红', 'M'])];

  it('puts each detail of a refused create at the cell or field its path names', () => {
    const refusal = new ApiError(400, 'INVALID_PRICE', '价格不合法', [
      { path: 'body/skus/1/listPrice', message: '划线价不能低于售价' },
      { path: 'body/specs/0/values', message: '规格「颜色」的值「红」重复' },
      { path: 'body/title', message: 'must NOT have more than 60 characters' },
    ]);
    expect(refusalErrors(refusal, { rowKeys: rows })).toEqual({
      message: '价格不合法（INVALID_PRICE）',
      fields: { [skuCellKey(rows[1] ?? '', 'listPrice')]: '划线价不能低于售价', 'specs.0.values': '规格「颜色」的值「红」重复', title: 'must NOT have more than 60 characters' },
    });
  });

  it('puts a refused single SKU’s problems on its row, a taken code on its code cell', () => {
    const price = new ApiError(400, 'INVALID_PRICE', '价格不合法', [{ path: 'body/price', message: '售价必须大于 0' }]);
    expect(refusalErrors(price, { rowKey: redS }).fields).toEqual({ [skuCellKey(redS, 'price')]: '售价必须大于 0' });
    const taken = new ApiError(409, 'SKU_CODE_TAKEN', 'SKU 编码已被使用');
    expect(refusalErrors(taken, { rowKey: redS }).fields).toEqual({ [skuCellKey(redS, 'code')]: 'SKU 编码已被使用' });
  });

  it('names the category field for an unknown category, and keeps only the message for anything else', () => {
    expect(refusalErrors(new ApiError(400, 'UNKNOWN_CATEGORY', '类目不存在'), { rowKeys: rows }).fields).toEqual({ categoryId: '类目不存在' });
    expect(refusalErrors(new Error('boom'), { rowKeys: rows })).toEqual({ fields: {}, message: '保存失败，请稍后重试' });
  });
});
