import { orderTabs, statusOf, tabFor } from './order-tabs';

describe('order tabs', () => {
  it('opens the tab named by ?status=', () => {
    expect(tabFor('shipped').label).toBe('待收货');
    expect(statusOf(tabFor('shipped'))).toBe('shipped');
  });

  it('opens 全部 without a status or with one that has no tab', () => {
    expect(tabFor(undefined).key).toBe('all');
    expect(tabFor('paid').key).toBe('all');
    expect(tabFor('nonsense').key).toBe('all');
    expect(statusOf(tabFor(undefined))).toBeUndefined();
  });

  it('gives every tab its own empty message', () => {
    expect(new Set(orderTabs.map((t) => t.empty)).size).toBe(orderTabs.length);
  });
});
