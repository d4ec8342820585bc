import type {
  IncomingHeaders,
  PaymentNotice,
  PaymentQuery,
  PrepayInput,
  PrepayResult,
  RefundInput,
  RefundNotice,
  RefundResult,
} from '../../src/modules/payments/providers/payment-provider';
import { PaymentProviderError } from '../../src/modules/payments/providers/payment-provider';
import type { SandboxPaymentProvider } from '../../src/modules/payments/providers/sandbox-provider';
import type { SignedNotify } from '../../src/modules/payments/providers/wechatpay/fake-wechatpay-server';

/**
 * The sandbox, except that refunds of a chosen payment fail the next N times, as during a WeChat Pay
 * outage. Failures are per out_trade_no so that other orders' refunds, sent by the same worker run,
 * neither use them up nor suffer them.
 */
export class FlakyRefundProvider implements SandboxPaymentProvider {
  readonly name = 'sandbox' as const;
  private readonly failuresLeft = new Map<string, number>();
  private readonly calls = new Map<string, number>();

  constructor(private readonly sandbox: SandboxPaymentProvider) {}

  failNextRefunds(outTradeNo: string, count: number): void {
    this.failuresLeft.set(outTradeNo, count);
  }

  /** Refund calls made for this payment, failed or not. */
  refundCalls(outTradeNo: string): number {
    return this.calls.get(outTradeNo) ?? 0;
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    this.calls.set(input.outTradeNo, this.refundCalls(input.outTradeNo) + 1);
    const failures = this.failuresLeft.get(input.outTradeNo) ?? 0;
    if (failures > 0) {
      this.failuresLeft.set(input.outTradeNo, failures - 1);
      throw new PaymentProviderError(null, 'NETWORK_ERROR', `refund ${input.outRefundNo}: connection reset`);
    }
    return this.sandbox.refund(input);
  }

  prepay(input: PrepayInput): Promise<PrepayResult> {
    return this.sandbox.prepay(input);
  }

  verifyNotify(headers: IncomingHeaders, rawBody: string): Promise<PaymentNotice | RefundNotice> {
    return this.sandbox.verifyNotify(headers, rawBody);
  }

  queryPayment(outTradeNo: string): Promise<PaymentQuery> {
    return this.sandbox.queryPayment(outTradeNo);
  }

  closePayment(outTradeNo: string): Promise<void> {
    return this.sandbox.closePayment(outTradeNo);
  }

  queryRefund(outRefundNo: string): Promise<RefundResult> {
    return this.sandbox.queryRefund(outRefundNo);
  }

  confirmPayment(outTradeNo: string): Promise<SignedNotify> {
    return this.sandbox.confirmPayment(outTradeNo);
  }

  completeRefund(outRefundNo: string, status?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED'): Promise<SignedNotify> {
    return this.sandbox.completeRefund(outRefundNo, status);
  }

  /** The sandbox is closed by the shop that opened it. */
  async close(): Promise<void> {}
}
