import { categoryChanges, checkCategory } from './category-form';

describe('checkCategory', () => {
  it('trims the name and reads a blank sort as 0', () => {
    expect(checkCategory({ name: ' 茶饮 ', sort: '' })).toEqual({ ok: true, body: { name: '茶饮', sort: 0 } });
    expect(checkCategory({ name: '茶饮', sort: '-5' })).toEqual({ ok: true, body: { name: '茶饮', sort: -5 } });
  });

  it('asks for a name and refuses one longer than the route takes', () => {
    expect(checkCategory({ name: '  ', sort: '1' })).toEqual({ ok: false, errors: { name: '请填写类目名称' } });
    expect(checkCategory({ name: '类'.repeat(21), sort: '1' })).toEqual({ ok: false, errors: { name: '类目名称最多 20 个字' } });
  });

  it('refuses a sort that is not an integer within the route’s range', () => {
    for (const sort of ['1.5', 'abc', '10001']) {
      expect(checkCategory({ name: '茶饮', sort })).toEqual({ ok: false, errors: { sort: '排序为 -10000 到 10000 的整数' } });
    }
  });
});

describe('categoryChanges', () => {
  it('sends only what changed, and nothing when nothing did', () => {
    expect(categoryChanges({ name: '茶饮', sort: 1 }, { name: '茶饮', sort: 2 })).toEqual({ sort: 2 });
    expect(categoryChanges({ name: '茶饮', sort: 1 }, { name: '茶饮', sort: 1 })).toBeNull();
  });
});
