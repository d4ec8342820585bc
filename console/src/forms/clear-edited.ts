import type { FormInstance } from 'antd';

type Path = ReadonlyArray<string | number>;

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The field paths an Ant Design `onValuesChange` reports, down to the leaves: editing one SKU row's
 * price reports `{ skus: [ , { groupPrice: '9' }] }`, which is the path ['skus', 1, 'groupPrice'].
 */
export function editedPaths(changed: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(changed) && prefix.length > 0 && changed.some((item) => isPlain(item))) {
    return changed.flatMap((item: unknown, index) => (item === undefined ? [] : editedPaths(item, [...prefix, index])));
  }
  if (isPlain(changed)) return Object.entries(changed).flatMap(([key, value]) => editedPaths(value, [...prefix, key]));
  return prefix.length > 0 ? [prefix] : [];
}

const within = (outer: Path, inner: Path) => outer.length <= inner.length && outer.every((part, i) => part === inner[i]);

/**
 * Takes the message off the fields staff just edited: a message set after a refused submit stays
 * until its field changes, then it no longer applies. Other fields keep theirs.
 */
export function clearEdited(form: Pick<FormInstance, 'getFieldsError' | 'setFields'>, changed: unknown): void {
  const edited = editedPaths(changed);
  const stale = form.getFieldsError().filter((field) => field.errors.length > 0 && edited.some((path) => within(field.name, path) || within(path, field.name)));
  if (stale.length > 0) form.setFields(stale.map((field) => ({ name: field.name, errors: [] })));
}
