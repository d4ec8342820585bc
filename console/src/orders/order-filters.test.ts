import { emptyFilters, filterProblem, orderListQuery, pageSize, statusTabs } from './order-filters';

describe('orderListQuery', () => {
  it('asks for the first page with only the page size when nothing is filtered', () => {
    expect(orderListQuery(emptyFilters, null)).toEqual({ limit: String(pageSize) });
  });

  it('sends status, trimmed order no. and lower-cased buyer id, and the cursor after the first page', () => {
    const query = orderListQuery({ status: 'to_ship', orderNo: ' LL2025 ', userId: ' 3F6C2A1E-8B4D-4E7A-9C15-2D7B9E0A4F31' }, 'abc');
    expect(query).toEqual({ limit: '20', status: 'to_ship', orderNo: 'LL2025', userId: '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31', cursor: 'abc' });
  });

  it('leaves out blank text filters', () => {
    expect(orderListQuery({ status: null, orderNo: '   ', userId: '' }, null)).not.toHaveProperty('orderNo');
  });
});

describe('filterProblem', () => {
  it('accepts empty filters and a well-formed buyer id', () => {
    expect(filterProblem(emptyFilters)).toBeNull();
    expect(filterProblem({ ...emptyFilters, userId: '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31' })).toBeNull();
  });

  it('points at the buyer id when it is not a UUID, and at an over-long order no.', () => {
    expect(filterProblem({ ...emptyFilters, userId: '12345' })?.field).toBe('userId');
    expect(filterProblem({ ...emptyFilters, orderNo: 'x'.repeat(33) })?.field).toBe('orderNo');
  });
});

it('offers 全部 then every order status once', () => {
  expect(statusTabs[0]).toEqual({ key: 'all', status: null });
  expect(new Set(statusTabs.map((t) => t.key)).size).toBe(statusTabs.length);
  expect(statusTabs.map((t) => t.status)).toContain('to_ship');
});
