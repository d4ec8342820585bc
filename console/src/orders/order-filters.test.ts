import { emptyFilters, filterProblem, orderFilterQuery, orderListQuery, pageSize, placedPresets, statusTabs } from './order-filters';

const buyerId = '3f6c2a1e-8b4d-4e7a-9c15-2d7b9e0a4f31';

describe('orderListQuery', () => {
  it('asks for the first page with only the page size when nothing is filtered', () => {
    expect(orderListQuery(emptyFilters, null)).toEqual({ limit: String(pageSize) });
  });

  it('sends every filter trimmed, the placed days, and the cursor after the first page', () => {
    const query = orderListQuery(
      { status: 'to_ship', orderNo: ' LL2025 ', buyer: ' 林小满 ', groupId: ` ${buyerId.toUpperCase()} `, placed: { from: '2026-12-01', to: '2026-12-06' } },
      'abc',
    );
    expect(query).toEqual({ limit: '20', status: 'to_ship', orderNo: 'LL2025', buyer: '林小满', groupId: buyerId, from: '2026-12-01', to: '2026-12-06', cursor: 'abc' });
  });

  it('sends a user id typed into 买家 as userId, lower-cased, and anything else as buyer', () => {
    expect(orderFilterQuery({ ...emptyFilters, buyer: ` ${buyerId.toUpperCase()}` })).toEqual({ userId: buyerId });
    expect(orderFilterQuery({ ...emptyFilters, buyer: '138 0013 8000' })).toEqual({ buyer: '138 0013 8000' });
  });

  it('leaves out blank text filters', () => {
    expect(orderListQuery({ ...emptyFilters, orderNo: '   ', buyer: ' ' }, null)).toEqual({ limit: String(pageSize) });
  });
});

describe('filterProblem', () => {
  it('accepts empty filters, a buyer id, a phone, a nickname and a whole range', () => {
    for (const buyer of ['', buyerId, '13800138000', '小满']) expect(filterProblem({ ...emptyFilters, buyer })).toBeNull();
    expect(filterProblem({ ...emptyFilters, placed: { from: '2026-12-01', to: '2026-12-01' } })).toBeNull();
  });

  it('points at the box that breaks a rule of the BFF', () => {
    expect(filterProblem({ ...emptyFilters, orderNo: 'x'.repeat(33) })?.field).toBe('orderNo');
    expect(filterProblem({ ...emptyFilters, buyer: '买'.repeat(31) })?.field).toBe('buyer');
    expect(filterProblem({ ...emptyFilters, groupId: '12345' })?.field).toBe('groupId');
    expect(filterProblem({ ...emptyFilters, placed: { from: '2026-12-02', to: '2026-12-01' } })).toEqual({ field: 'placed', text: '结束日期不能早于开始日期' });
  });
});

it('offers 全部 then every order status once', () => {
  expect(statusTabs[0]).toEqual({ key: 'all', status: null });
  expect(new Set(statusTabs.map((t) => t.key)).size).toBe(statusTabs.length);
  expect(statusTabs.map((t) => t.status)).toContain('to_ship');
});

it('counts the date shortcuts in Shanghai days: 00:30 in Beijing is already the new day', () => {
  const presets = placedPresets(new Date('2026-11-30T16:30:00Z'));
  expect(presets.map((p) => [p.label, p.from, p.to])).toEqual([
    ['今天', '2026-12-01', '2026-12-01'],
    ['昨天', '2026-11-30', '2026-11-30'],
    ['最近 7 天', '2026-11-25', '2026-12-01'],
    ['最近 30 天', '2026-11-02', '2026-12-01'],
  ]);
});
