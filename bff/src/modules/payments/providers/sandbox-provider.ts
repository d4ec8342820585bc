import { randomBytes } from 'node:crypto';
import type {
  IncomingHeaders,
  PaymentNotice,
  PaymentProvider,
  PaymentQuery,
  PrepayInput,
  PrepayResult,
  RefundInput,
  RefundNotice,
  RefundResult,
  TransferInput,
  TransferResult,
} from './payment-provider';
import { generateKeyPair } from './wechatpay/crypto';
import type { TransferFailReason } from './wechatpay/fake-transfer-ledger';
import { startFakeWechatPayServer, type FakeWechatPayServer, type SignedNotify } from './wechatpay/fake-wechatpay-server';
import type { WechatPayConfig } from './wechatpay/wechatpay-config';
import { WechatPayProvider } from './wechatpay/wechatpay-provider';

export interface SandboxOptions {
  /** Goes into prepay/refund requests like the real one; the sandbox never posts to it by itself. */
  notifyUrl?: string;
  appid?: string;
  mchid?: string;
  /** Default true: a refund answers SUCCESS at once. False: PROCESSING until completeRefund(). */
  refundsCompleteImmediately?: boolean;
  now?: () => Date;
}

export interface SandboxPaymentProvider extends PaymentProvider {
  readonly name: 'sandbox';
  /** The shopper pays; returns WeChat's signed, encrypted notify for the caller to feed into its notify route. */
  confirmPayment(outTradeNo: string): Promise<SignedNotify>;
  /** A pending refund succeeds (or ends ABNORMAL/CLOSED); returns the refund notify likewise. */
  completeRefund(outRefundNo: string, status?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED'): Promise<SignedNotify>;
  /** The user taps 收款 on a WAIT_USER_CONFIRM transfer; returns the bill as queryTransfer now sees it (SUCCESS). */
  confirmTransfer(outBillNo: string): Promise<TransferResult>;
  /** WeChat fails a WAIT_USER_CONFIRM transfer with a documented reason; returns the bill as queried (FAIL). */
  failTransfer(outBillNo: string, failReason?: TransferFailReason): Promise<TransferResult>;
  close(): Promise<void>;
}

/**
 * The real WeChat Pay client pointed at an in-process fake WeChat Pay on 127.0.0.1, with merchant
 * and platform keys generated on the spot. Every sandbox payment takes the production path:
 * request signing, response verification, notify signature check and AES-GCM decryption.
 */
export async function createSandboxProvider(options: SandboxOptions = {}): Promise<SandboxPaymentProvider> {
  const now = options.now ?? (() => new Date());
  const { fake, config } = await startFakeMerchant({ ...options, now });
  return new SandboxProvider(new WechatPayProvider(config, { now }), fake);
}

/**
 * A fake WeChat Pay on 127.0.0.1 with a merchant account generated on the spot, and the client
 * configuration of that merchant: what the sandbox uses in-process, and what the soak hands to several
 * BFF processes as their WECHATPAY_* settings.
 */
export async function startFakeMerchant(options: SandboxOptions & { now: () => Date }): Promise<{ fake: FakeWechatPayServer; config: WechatPayConfig }> {
  const mchid = options.mchid ?? '1900000001';
  const appid = options.appid ?? 'wxsandbox00000000';
  const apiV3Key = randomBytes(16).toString('hex');
  const merchant = { serial: randomBytes(20).toString('hex').toUpperCase(), ...generateKeyPair() };
  const fake = await startFakeWechatPayServer({
    mchid,
    appid,
    merchant: { serial: merchant.serial, publicKeyPem: merchant.publicKeyPem },
    apiV3Key,
    refundsCompleteImmediately: options.refundsCompleteImmediately ?? true,
    now: options.now,
  });
  const config: WechatPayConfig = {
    mchid,
    appid,
    merchantSerial: merchant.serial,
    merchantPrivateKey: merchant.privateKeyPem,
    apiV3Key,
    platformPublicKeys: { [fake.platform.serial]: fake.platform.publicKeyPem },
    notifyUrl: options.notifyUrl ?? 'http://127.0.0.1/sandbox/payment-notify',
    baseUrl: fake.baseUrl,
  };
  return { fake, config };
}

class SandboxProvider implements SandboxPaymentProvider {
  readonly name = 'sandbox' as const;

  constructor(
    private readonly client: WechatPayProvider,
    private readonly fake: FakeWechatPayServer,
  ) {}

  prepay(input: PrepayInput): Promise<PrepayResult> {
    return this.client.prepay(input);
  }

  verifyNotify(headers: IncomingHeaders, rawBody: string): Promise<PaymentNotice | RefundNotice> {
    return this.client.verifyNotify(headers, rawBody);
  }

  queryPayment(outTradeNo: string): Promise<PaymentQuery> {
    return this.client.queryPayment(outTradeNo);
  }

  closePayment(outTradeNo: string): Promise<void> {
    return this.client.closePayment(outTradeNo);
  }

  refund(input: RefundInput): Promise<RefundResult> {
    return this.client.refund(input);
  }

  queryRefund(outRefundNo: string): Promise<RefundResult> {
    return this.client.queryRefund(outRefundNo);
  }

  transfer(input: TransferInput): Promise<TransferResult> {
    return this.client.transfer(input);
  }

  queryTransfer(outBillNo: string): Promise<TransferResult> {
    return this.client.queryTransfer(outBillNo);
  }

  async confirmPayment(outTradeNo: string): Promise<SignedNotify> {
    const { headers, body } = await this.fake.pay(outTradeNo);
    return { headers, body };
  }

  async completeRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED' = 'SUCCESS'): Promise<SignedNotify> {
    const { headers, body } = await this.fake.completeRefund(outRefundNo, { status });
    return { headers, body };
  }

  async confirmTransfer(outBillNo: string): Promise<TransferResult> {
    this.fake.settleTransfer(outBillNo, { state: 'SUCCESS' });
    return await this.client.queryTransfer(outBillNo);
  }

  async failTransfer(outBillNo: string, failReason: TransferFailReason = 'OPENID_INVALID'): Promise<TransferResult> {
    this.fake.settleTransfer(outBillNo, { state: 'FAIL', failReason });
    return await this.client.queryTransfer(outBillNo);
  }

  close(): Promise<void> {
    return this.fake.close();
  }
}
