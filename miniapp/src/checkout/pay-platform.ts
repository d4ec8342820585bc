import type { PayResponse } from '@linli/shared/schemas/order';

/** How this order gets paid here: WeChat's cashier, the sandbox's simulated payment, or not at all. */
export type PayAction =
  | { kind: 'wechat'; params: PayResponse['requestPayment'] }
  | { kind: 'sandbox' }
  | { kind: 'unsupported'; message: string };

/**
 * The provider decides first: sandbox parameters are signed with local keys WeChat would reject, so
 * a sandbox order is confirmed through the sandbox on every platform. Real WeChat Pay needs the
 * mini-program; a browser cannot open WeChat's cashier.
 */
export function payActionFor(platform: string | undefined, response: PayResponse): PayAction {
  if (response.provider === 'sandbox') return { kind: 'sandbox' };
  if (platform === 'weapp') return { kind: 'wechat', params: response.requestPayment };
  return { kind: 'unsupported', message: '请在微信小程序中完成支付' };
}

/** The pay button's words: in a browser only the sandbox can take the money. */
export function payButtonLabel(platform: string | undefined): string {
  return platform === 'weapp' ? '微信支付' : '模拟支付';
}

export type WechatPayOutcome = { kind: 'paid' } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** wx.requestPayment resolves when the shopper paid and rejects with `requestPayment:fail cancel` when they backed out. */
export async function payInWechat(
  requestPayment: (params: PayResponse['requestPayment']) => Promise<unknown>,
  params: PayResponse['requestPayment'],
): Promise<WechatPayOutcome> {
  try {
    await requestPayment(params);
    return { kind: 'paid' };
  } catch (error) {
    const errMsg = typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : '';
    if (/cancel/i.test(errMsg)) return { kind: 'cancelled' };
    return { kind: 'failed', message: errMsg === '' ? '支付未完成' : `支付未完成：${errMsg}` };
  }
}
