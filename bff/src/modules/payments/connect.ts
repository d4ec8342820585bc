import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { PaymentProvider } from './providers/payment-provider';
import { createSandboxProvider, type SandboxPaymentProvider } from './providers/sandbox-provider';
import { WechatPayProvider } from './providers/wechatpay/wechatpay-provider';

/** WeChat Pay v3 when configured; otherwise the sandbox (config refuses the sandbox in production). */
export async function connectPayments(app: FastifyInstance, config: Config): Promise<PaymentProvider> {
  if (config.payment.provider === 'wechatpay' && config.payment.wechatpay) {
    return new WechatPayProvider(config.payment.wechatpay);
  }
  const sandbox = await createSandboxProvider();
  app.addHook('onClose', async () => sandbox.close());
  return sandbox;
}

export function asSandbox(provider: PaymentProvider): SandboxPaymentProvider | null {
  return provider.name === 'sandbox' ? (provider as SandboxPaymentProvider) : null;
}
