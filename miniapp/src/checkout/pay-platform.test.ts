import type { PayResponse } from '@linli/shared/schemas/order';
import { payActionFor, payButtonLabel, payInWechat } from './pay-platform';

const params: PayResponse['requestPayment'] = { timeStamp: '1700000000', nonceStr: 'n0nce', package: 'prepay_id=wx1', signType: 'RSA', paySign: 'c2lnbg==' };

describe('payActionFor', () => {
  it('opens the WeChat cashier in the mini-program', () => {
    expect(payActionFor('weapp', { provider: 'wechatpay', requestPayment: params })).toEqual({ kind: 'wechat', params });
  });

  it('confirms a sandbox payment through the sandbox, in the browser and in the mini-program', () => {
    expect(payActionFor('h5', { provider: 'sandbox', requestPayment: params })).toEqual({ kind: 'sandbox' });
    expect(payActionFor('weapp', { provider: 'sandbox', requestPayment: params })).toEqual({ kind: 'sandbox' });
  });

  it('sends the shopper to the mini-program for real WeChat Pay in a browser', () => {
    expect(payActionFor('h5', { provider: 'wechatpay', requestPayment: params })).toMatchObject({ kind: 'unsupported' });
  });
});

describe('payButtonLabel', () => {
  it('says plainly in the browser that the payment is simulated', () => {
    expect(payButtonLabel('h5')).toBe('模拟支付');
    expect(payButtonLabel('weapp')).toBe('微信支付');
  });
});

describe('payInWechat', () => {
  it('hands WeChat the parameters the BFF signed', async () => {
    const seen: unknown[] = [];
    await expect(payInWechat(async (p) => seen.push(p), params)).resolves.toEqual({ kind: 'paid' });
    expect(seen).toEqual([params]);
  });

  it('tells a shopper who backed out apart from a failure', async () => {
    await expect(payInWechat(() => Promise.reject({ errMsg: 'requestPayment:fail cancel' }), params)).resolves.toEqual({ kind: 'cancelled' });
    await expect(payInWechat(() => Promise.reject({ errMsg: 'requestPayment:fail (detail message)' }), params)).resolves.toEqual({
      kind: 'failed',
      message: '支付未完成：requestPayment:fail (detail message)',
    });
  });
});
