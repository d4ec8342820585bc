import { formatFen } from '../money';
import type { CouponRejection } from './types';

/** Why a coupon cannot be used, in the words a shopper sees beside it at checkout. */
export function describeRejection(rejection: CouponRejection): string {
  switch (rejection.code) {
    case 'NOT_STARTED':
      return '未到使用时间';
    case 'EXPIRED':
      return '已过期';
    case 'OUT_OF_SCOPE':
      return '不适用于所选商品';
    case 'BELOW_THRESHOLD':
      return `还差${formatFen(rejection.missing)}可用`;
    case 'NOT_STACKABLE_WITH_GROUP_PRICE':
      return '不适用于拼团价商品';
    case 'NO_SAVING':
      return '本单使用无优惠';
    default: {
      const unknown: never = rejection;
      throw new RangeError(`unknown coupon rejection ${JSON.stringify(unknown)}`);
    }
  }
}
