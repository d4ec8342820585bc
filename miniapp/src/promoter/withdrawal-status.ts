import type { Withdrawal, WithdrawalStatus } from '@linli/shared/schemas/withdrawals';

const statusLabel: Record<WithdrawalStatus, string> = {
  requested: '待审核',
  approved: '已通过，等待打款',
  paying: '打款中',
  paid: '已到账',
  failed: '打款失败，已退回余额',
  rejected: '未通过，已退回余额',
};

/** A transfer waiting for me has its own label: nothing moves until I accept it. */
export function withdrawalStatusLabel(withdrawal: Pick<Withdrawal, 'status' | 'packageInfo'>): string {
  return withdrawal.packageInfo !== null ? '待确认收款' : statusLabel[withdrawal.status];
}

/**
 * How I accept a transfer waiting for me. wechat: wx.requestMerchantTransfer with the BFF's
 * parameters. sandbox: the BFF has no merchant (the sandbox), so its confirm route stands in.
 * open-in-wechat: real WeChat Pay seen outside the mini-program, where no transfer can be accepted.
 */
export type ReceiptConfirmation = 'wechat' | 'sandbox' | 'open-in-wechat';

export function receiptConfirmationOf(
  withdrawal: Pick<Withdrawal, 'status' | 'packageInfo' | 'merchantTransfer'>,
  platform: 'weapp' | 'h5',
): ReceiptConfirmation | null {
  if (withdrawal.status !== 'paying' || withdrawal.packageInfo === null) return null;
  if (withdrawal.merchantTransfer === null) return 'sandbox';
  return platform === 'weapp' ? 'wechat' : 'open-in-wechat';
}
