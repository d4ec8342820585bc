import type { AfterSale } from '@linli/shared/schemas/order';
import { openRequestOf } from './after-sale-status';

const request = (id: string, status: AfterSale['status']): AfterSale => ({
  id,
  orderId: 'o1',
  status,
  amount: 100,
  reason: '不想要了',
  decisionNote: '',
  lines: [],
  createdAt: '2025-05-01T00:00:00Z',
});

describe('openRequestOf', () => {
  it('finds the request still being decided, which blocks a new one', () => {
    expect(openRequestOf([request('b', 'requested'), request('a', 'rejected')])?.id).toBe('b');
  });

  it('finds none once every request is decided, so the shopper may ask again', () => {
    expect(openRequestOf([request('a', 'rejected'), request('c', 'refunded')])).toBeNull();
  });
});
