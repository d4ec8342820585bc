import { AppError, notFound } from '../../plugins/errors';
import type { IssueFailure } from './issue-coupon';

/** The API's stable code for each way an issue can be refused. */
export const issueFailureCodes: Record<IssueFailure, string> = {
  NOT_FOUND: 'NOT_FOUND',
  NOT_AVAILABLE: 'COUPON_NOT_AVAILABLE',
  OUT_OF_STOCK: 'COUPON_OUT_OF_STOCK',
  LIMIT_REACHED: 'COUPON_LIMIT_REACHED',
};

const messages: Record<Exclude<IssueFailure, 'NOT_FOUND'>, string> = {
  NOT_AVAILABLE: '该优惠券当前不可领取',
  OUT_OF_STOCK: '优惠券已被领完',
  LIMIT_REACHED: '已达到每人限领数量',
};

export function issueFailureError(reason: IssueFailure): AppError {
  if (reason === 'NOT_FOUND') return notFound('优惠券');
  return new AppError(409, issueFailureCodes[reason], messages[reason]);
}
