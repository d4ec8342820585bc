import { CreateCategoryBody, type UpdateCategoryBody } from '@linli/shared/schemas/catalog-console';
import { declared } from './schema-limit';

export type CategoryField = 'name' | 'sort';
export const categoryFields: readonly CategoryField[] = ['name', 'sort'];

const { name, sort } = CreateCategoryBody.properties;
const nameMax = declared(name.maxLength, 'the category name length');
const sortMin = declared(sort.minimum, 'the lowest sort');
const sortMax = declared(sort.maximum, 'the highest sort');

export type CategoryCheck = { ok: true; body: CreateCategoryBody } | { ok: false; errors: Partial<Record<CategoryField, string>> };

/** The rules of CreateCategoryBody on trimmed input; a blank sort is 0 (the BFF's default). */
export function checkCategory(input: { name: string; sort: string }): CategoryCheck {
  const errors: Partial<Record<CategoryField, string>> = {};
  const trimmed = input.name.trim();
  if (trimmed === '') errors.name = '请填写类目名称';
  else if (trimmed.length > nameMax) errors.name = `类目名称最多 ${nameMax} 个字`;
  const sortText = input.sort.trim() === '' ? '0' : input.sort.trim();
  const order = Number(sortText);
  if (!/^-?\d+$/.test(sortText) || order < sortMin || order > sortMax) errors.sort = `排序为 ${sortMin} 到 ${sortMax} 的整数`;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: { name: trimmed, sort: order } };
}

/** Only what changed is sent (the route wants at least one field); null when nothing did. */
export function categoryChanges(saved: { name: string; sort: number }, body: CreateCategoryBody): UpdateCategoryBody | null {
  const changes: UpdateCategoryBody = {};
  if (body.name !== saved.name) changes.name = body.name;
  if (body.sort !== undefined && body.sort !== saved.sort) changes.sort = body.sort;
  return Object.keys(changes).length > 0 ? changes : null;
}
