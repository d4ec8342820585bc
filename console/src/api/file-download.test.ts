import { attachmentName } from './file-download';

describe('attachmentName', () => {
  it('prefers the UTF-8 name of RFC 5987', () => {
    expect(attachmentName(`attachment; filename="orders-20261206.csv"; filename*=UTF-8''%E8%AE%A2%E5%8D%95-20261206.csv`, 'x.csv')).toBe('订单-20261206.csv');
  });

  it('falls back to the plain name, then to the caller’s', () => {
    expect(attachmentName('attachment; filename="orders-20261206.csv"', 'x.csv')).toBe('orders-20261206.csv');
    expect(attachmentName(`attachment; filename="orders.csv"; filename*=UTF-8''%E8%AE`, 'x.csv')).toBe('orders.csv');
    expect(attachmentName(undefined, 'x.csv')).toBe('x.csv');
  });
});
