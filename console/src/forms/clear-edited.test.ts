import { clearEdited, editedPaths } from './clear-edited';

describe('editedPaths', () => {
  it('reads a top-level field', () => {
    expect(editedPaths({ title: 'x' })).toEqual([['title']]);
  });

  it('reads the one SKU row edited out of a sparse array', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(editedPaths({ skus: [, { groupPrice: '9' }] })).toEqual([['skus', 1, 'groupPrice']]);
  });

  it('keeps a picked range and a list of ids whole', () => {
    const range = [new Date(0), new Date(1)];
    expect(editedPaths({ window: range })).toEqual([['window']]);
    expect(editedPaths({ categoryIds: ['a', 'b'] })).toEqual([['categoryIds']]);
  });
});

describe('clearEdited', () => {
  function formWith(errors: Array<{ name: Array<string | number>; errors: string[] }>) {
    const cleared: Array<Array<string | number>> = [];
    return {
      cleared,
      form: {
        getFieldsError: () => errors.map((e) => ({ ...e, warnings: [] })),
        setFields: (fields: Array<{ name: Array<string | number> }>) => cleared.push(...fields.map((f) => f.name)),
      },
    };
  }

  it('clears the edited row’s message and leaves the other rows’ alone', () => {
    const { form, cleared } = formWith([
      { name: ['skus', 0, 'groupPrice'], errors: ['拼团价必须低于原价 ¥29.90'] },
      { name: ['skus', 1, 'groupPrice'], errors: ['请填写拼团价'] },
      { name: ['title'], errors: [] },
    ]);
    // eslint-disable-next-line no-sparse-arrays
    clearEdited(form as never, { skus: [{ groupPrice: '19.9' }, ,] });
    expect(cleared).toEqual([['skus', 0, 'groupPrice']]);
  });

  it('clears a field whose value is a range when the range changes', () => {
    const { form, cleared } = formWith([{ name: ['window'], errors: ['结束时间必须晚于现在'] }]);
    clearEdited(form as never, { window: [new Date(0), new Date(1)] });
    expect(cleared).toEqual([['window']]);
  });
});
