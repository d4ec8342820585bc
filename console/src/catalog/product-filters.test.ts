import { emptyFilters, keywordProblem, pageSize, productListQuery } from './product-filters';

describe('productListQuery', () => {
  it('asks for the first page with only the page size when nothing is filtered', () => {
    expect(productListQuery(emptyFilters, null)).toEqual({ limit: String(pageSize) });
  });

  it('sends the trimmed keyword, the category, the shelf state and the cursor after the first page', () => {
    const query = productListQuery({ q: ' 咖啡 ', categoryId: 'c1', shelf: 'off' }, 'next');
    expect(query).toEqual({ limit: '20', q: '咖啡', categoryId: 'c1', onShelf: 'false', cursor: 'next' });
    expect(productListQuery({ ...emptyFilters, shelf: 'on' }, null).onShelf).toBe('true');
  });

  it('leaves out a blank keyword', () => {
    expect(productListQuery({ ...emptyFilters, q: '   ' }, null)).not.toHaveProperty('q');
  });
});

describe('keywordProblem', () => {
  it('accepts up to the route’s 50 characters', () => {
    expect(keywordProblem('茶'.repeat(50))).toBeNull();
    expect(keywordProblem('茶'.repeat(51))).toBe('关键词最多 50 个字');
  });
});
