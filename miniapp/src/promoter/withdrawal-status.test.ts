import type { Withdrawal } from '@linli/shared/schemas/withdrawals';
import { receiptConfirmationOf, withdrawalStatusLabel } from './withdrawal-status';

const paying: Pick<Withdrawal, 'status' | 'packageInfo' | 'merchantTransfer'> = {
  status: 'paying',
  packageInfo: 'PKG',
  merchantTransfer: { mchId: '1230000109', appId: 'wxd678efh567hg6787', package: 'PKG' },
};

describe('accepting a transfer', () => {
  it('asks WeChat in the mini-program when the BFF gives the merchant parameters', () => {
    expect(receiptConfirmationOf(paying, 'weapp')).toBe('wechat');
  });

  it('cannot be done outside WeChat with real WeChat Pay', () => {
    expect(receiptConfirmationOf(paying, 'h5')).toBe('open-in-wechat');
  });

  it('uses the sandbox confirm route when the BFF has no merchant, on either platform', () => {
    const sandbox = { ...paying, merchantTransfer: null };
    expect(receiptConfirmationOf(sandbox, 'h5')).toBe('sandbox');
    expect(receiptConfirmationOf(sandbox, 'weapp')).toBe('sandbox');
  });

  it('is not offered unless WeChat waits for me', () => {
    expect(receiptConfirmationOf({ status: 'paying', packageInfo: null, merchantTransfer: null }, 'weapp')).toBeNull();
    expect(receiptConfirmationOf({ status: 'paid', packageInfo: null, merchantTransfer: null }, 'h5')).toBeNull();
  });
});

describe('withdrawalStatusLabel', () => {
  it('says a waiting transfer needs my confirmation, and names the other states', () => {
    expect(withdrawalStatusLabel(paying)).toBe('待确认收款');
    expect(withdrawalStatusLabel({ status: 'paying', packageInfo: null })).toBe('打款中');
    expect(withdrawalStatusLabel({ status: 'requested', packageInfo: null })).toBe('待审核');
    expect(withdrawalStatusLabel({ status: 'failed', packageInfo: null })).toBe('打款失败，已退回余额');
  });
});
