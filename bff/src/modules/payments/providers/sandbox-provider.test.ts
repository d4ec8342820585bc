import { createSandboxProvider, type SandboxPaymentProvider } from './sandbox-provider';

let sandbox: SandboxPaymentProvider;

beforeAll(async () => {
  sandbox = await createSandboxProvider();
});

afterAll(() => sandbox.close());

function order(outTradeNo: string, amount: number) {
  return { outTradeNo, description: '拼团-有机苹果', amount, payerOpenid: 'o-sandbox-shopper', expiresAt: new Date(Date.now() + 15 * 60_000) };
}

describe('sandbox payment provider', () => {
  it('names itself sandbox', () => {
    expect(sandbox.name).toBe('sandbox');
  });

  it('turns prepay → confirmPayment into a notify that verifies to the payment with the right amount', async () => {
    const { prepayId, requestPayment } = await sandbox.prepay(order('SBX-PAY-0001', 12_345));
    expect(requestPayment.package).toBe(`prepay_id=${prepayId}`);

    const notify = await sandbox.confirmPayment('SBX-PAY-0001');
    const notice = await sandbox.verifyNotify(notify.headers, notify.body);

    expect(notice).toMatchObject({ kind: 'payment', outTradeNo: 'SBX-PAY-0001', amount: 12_345, payerOpenid: 'o-sandbox-shopper', tradeState: 'SUCCESS' });
    expect((await sandbox.queryPayment('SBX-PAY-0001')).tradeState).toBe('SUCCESS');
  });

  it('rejects a sandbox notify whose body was edited, like the real provider', async () => {
    await sandbox.prepay(order('SBX-PAY-0002', 500));
    const notify = await sandbox.confirmPayment('SBX-PAY-0002');

    await expect(sandbox.verifyNotify(notify.headers, notify.body.replace('"id":"', '"id":"0'))).rejects.toMatchObject({ reason: 'BAD_SIGNATURE' });
  });

  it('completes refunds immediately by default, and completeRefund gives the refund notify', async () => {
    await sandbox.prepay(order('SBX-PAY-0003', 2000));
    await sandbox.confirmPayment('SBX-PAY-0003');

    const refund = await sandbox.refund({ outTradeNo: 'SBX-PAY-0003', outRefundNo: 'SBX-RF-0003', refundAmount: 800, totalAmount: 2000, reason: '拼团失败' });
    expect(refund.status).toBe('SUCCESS');

    const notify = await sandbox.completeRefund('SBX-RF-0003');
    expect(await sandbox.verifyNotify(notify.headers, notify.body)).toMatchObject({ kind: 'refund', outRefundNo: 'SBX-RF-0003', refundAmount: 800, status: 'SUCCESS' });
  });

  it('keeps refunds PROCESSING until completeRefund when configured so', async () => {
    const slow = await createSandboxProvider({ refundsCompleteImmediately: false });
    try {
      await slow.prepay(order('SBX-PAY-0004', 2000));
      await slow.confirmPayment('SBX-PAY-0004');
      const refund = await slow.refund({ outTradeNo: 'SBX-PAY-0004', outRefundNo: 'SBX-RF-0004', refundAmount: 2000, totalAmount: 2000, reason: '' });
      expect(refund.status).toBe('PROCESSING');

      await slow.completeRefund('SBX-RF-0004');
      expect((await slow.queryRefund('SBX-RF-0004')).status).toBe('SUCCESS');
    } finally {
      await slow.close();
    }
  });

  it('keeps a transfer waiting for the user until confirmTransfer, which makes it SUCCESS', async () => {
    const transfer = await sandbox.transfer({ outBillNo: 'SBXWD0001', openid: 'o-sandbox-shopper', amount: 1500, remark: '佣金提现' });
    expect(transfer).toMatchObject({ state: 'WAIT_USER_CONFIRM', packageInfo: expect.any(String) });

    expect(await sandbox.confirmTransfer('SBXWD0001')).toEqual({ ...transfer, state: 'SUCCESS', packageInfo: null });
    expect((await sandbox.queryTransfer('SBXWD0001')).state).toBe('SUCCESS');
  });

  it('fails a transfer with the reason given to failTransfer, OPENID_INVALID by default', async () => {
    await sandbox.transfer({ outBillNo: 'SBXWD0002', openid: 'o-sandbox-shopper', amount: 1500, remark: '佣金提现' });
    await sandbox.transfer({ outBillNo: 'SBXWD0003', openid: 'o-sandbox-shopper', amount: 1500, remark: '佣金提现' });

    expect(await sandbox.failTransfer('SBXWD0002', 'ACCOUNT_FROZEN')).toMatchObject({ state: 'FAIL', failReason: 'ACCOUNT_FROZEN' });
    expect(await sandbox.failTransfer('SBXWD0003')).toMatchObject({ state: 'FAIL', failReason: 'OPENID_INVALID' });
  });

  it('refuses to confirm a transfer that was never made, or one that already failed', async () => {
    await expect(sandbox.confirmTransfer('SBXWD9999')).rejects.toThrow('no transfer bill');

    await sandbox.transfer({ outBillNo: 'SBXWD0004', openid: 'o-sandbox-shopper', amount: 1500, remark: '佣金提现' });
    await sandbox.failTransfer('SBXWD0004');
    await expect(sandbox.confirmTransfer('SBXWD0004')).rejects.toThrow('already FAIL');
  });
});
