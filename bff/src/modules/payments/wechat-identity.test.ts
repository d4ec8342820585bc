import type { PaymentProvider } from './providers/payment-provider';
import { wechatIdentityFor } from './wechat-identity';

const provider = (name: PaymentProvider['name']) => ({ name }) as PaymentProvider;
const userId = '3d5e7f90-1a2b-4c3d-9e4f-5a6b7c8d9e0f';

describe('the openid WeChat Pay is told about', () => {
  it("is the shopper's own when they signed in with WeChat", () => {
    expect(wechatIdentityFor(provider('wechatpay'), { id: userId, openid: 'oUpF8uMuAJO' })).toBe('oUpF8uMuAJO');
  });

  it('is a stand-in for a dev-login shopper only in the sandbox', () => {
    expect(wechatIdentityFor(provider('sandbox'), { id: userId, openid: null })).toBe('sandbox_3d5e7f901a2b4c3d9e4f5a6b7c8d9e0f');
    expect(wechatIdentityFor(provider('wechatpay'), { id: userId, openid: null })).toBeNull();
  });
});
