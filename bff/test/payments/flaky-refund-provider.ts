import { PaymentProviderError, type RefundInput, type RefundResult } from '../../src/modules/payments/providers/payment-provider';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';

export interface FlakyRefunds {
  failNextRefunds(outTradeNo: string, count: number): void;
  /** Refund calls made for this payment, failed or not. */
  refundCalls(outTradeNo: string): number;
}

export type FlakyRefundProvider = SandboxPaymentProvider & FlakyRefunds;

/**
 * The sandbox, except that refunds of a chosen payment fail the next N times, as during a WeChat Pay
 * outage. Failures are per out_trade_no so that other orders' refunds, sent by the same worker run,
 * neither use them up nor suffer them. Everything else is the sandbox itself, whatever it grows.
 */
export function withFlakyRefunds(sandbox: SandboxPaymentProvider): FlakyRefundProvider {
  const failuresLeft = new Map<string, number>();
  const calls = new Map<string, number>();
  const overrides: FlakyRefunds & Pick<SandboxPaymentProvider, 'refund' | 'close'> = {
    failNextRefunds: (outTradeNo, count) => void failuresLeft.set(outTradeNo, count),
    refundCalls: (outTradeNo) => calls.get(outTradeNo) ?? 0,
    async refund(input: RefundInput): Promise<RefundResult> {
      calls.set(input.outTradeNo, (calls.get(input.outTradeNo) ?? 0) + 1);
      const failures = failuresLeft.get(input.outTradeNo) ?? 0;
      if (failures > 0) {
        failuresLeft.set(input.outTradeNo, failures - 1);
        throw new PaymentProviderError(null, 'NETWORK_ERROR', `refund ${input.outRefundNo}: connection reset`);
      }
      return sandbox.refund(input);
    },
    // The sandbox is closed by the shop that opened it.
    close: async () => {},
  };
  return new Proxy(sandbox, {
    get: (target, property) => (Object.hasOwn(overrides, property) ? overrides[property as keyof typeof overrides] : Reflect.get(target, property, target)),
  }) as FlakyRefundProvider;
}
