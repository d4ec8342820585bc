import type { PaymentProvider } from './providers/payment-provider';

/**
 * The openid WeChat Pay is told about a shopper: their own, or — for an h5 dev-login shopper, who has
 * none — a stand-in that only the sandbox accepts. Null when a real payment would need a WeChat login.
 */
export function wechatIdentityFor(payments: PaymentProvider, user: { id: string; openid: string | null }): string | null {
  if (user.openid) return user.openid;
  return payments.name === 'sandbox' ? `sandbox_${user.id.replace(/-/g, '')}` : null;
}
