import { describeRejection } from './describeRejection';
import type { CouponRejection } from './types';

describe('describeRejection', () => {
  it.each<[CouponRejection, string]>([
    [{ code: 'NOT_STARTED' }, '未到使用时间'],
    [{ code: 'EXPIRED' }, '已过期'],
    [{ code: 'OUT_OF_SCOPE' }, '不适用于所选商品'],
    [{ code: 'BELOW_THRESHOLD', missing: 500 }, '还差¥5.00可用'],
    [{ code: 'NOT_STACKABLE_WITH_GROUP_PRICE' }, '不适用于拼团价商品'],
    [{ code: 'NO_SAVING' }, '本单使用无优惠'],
  ])('explains %p to the shopper as %p', (rejection, text) => {
    expect(describeRejection(rejection)).toBe(text);
  });
});
