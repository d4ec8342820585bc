/**
 * What the order/payment service needs from a payment provider. Amounts are integer fen; times are
 * instants (UTC). Both implementations — WeChat Pay v3 and the sandbox — speak the same WeChat Pay
 * protocol underneath, so a notify is verified the same way in dev, tests and production.
 */

export interface PrepayInput {
  outTradeNo: string;
  description: string;
  amount: number;
  payerOpenid: string;
  /** Last moment the shopper can pay (WeChat's time_expire). */
  expiresAt: Date;
}

/** Exactly what the mini-program passes to wx.requestPayment. */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface PrepayResult {
  prepayId: string;
  requestPayment: RequestPaymentParams;
}

export interface PaymentNotice {
  kind: 'payment';
  outTradeNo: string;
  transactionId: string;
  /** As WeChat reports it; checking it against the order is the caller's job. */
  amount: number;
  payerOpenid: string | null;
  tradeState: string;
  successTime: Date | null;
  /** The notify's own id: the same notify may arrive many times. */
  notifyId: string;
}

export type RefundNoticeStatus = 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

export interface RefundNotice {
  kind: 'refund';
  outTradeNo: string;
  outRefundNo: string;
  refundId: string;
  refundAmount: number;
  status: RefundNoticeStatus;
  successTime: Date | null;
  notifyId: string;
}

export type PaymentState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface PaymentQuery {
  outTradeNo: string;
  tradeState: PaymentState;
  /** Null until paid: WeChat omits these for an unpaid transaction. */
  transactionId: string | null;
  amount: number | null;
  payerOpenid: string | null;
  successTime: Date | null;
}

export interface RefundInput {
  outTradeNo: string;
  outRefundNo: string;
  refundAmount: number;
  /** The order's total as paid; WeChat rejects a refund whose total disagrees. */
  totalAmount: number;
  reason: string;
}

export type RefundStatus = 'SUCCESS' | 'PROCESSING' | 'ABNORMAL' | 'CLOSED';

export interface RefundResult {
  refundId: string;
  outRefundNo: string;
  status: RefundStatus;
}

/** A transfer to a user's WeChat wallet (商家转账): money out of the merchant's balance, in fen. */
export interface TransferInput {
  /** Our id for the bill; WeChat allows only digits and letters, at most 32. */
  outBillNo: string;
  openid: string;
  amount: number;
  /** Shown to the user; cut to 32 characters. */
  remark: string;
}

export type TransferState = 'ACCEPTED' | 'PROCESSING' | 'WAIT_USER_CONFIRM' | 'TRANSFERING' | 'SUCCESS' | 'FAIL' | 'CANCELING' | 'CANCELLED';

export interface TransferResult {
  outBillNo: string;
  transferBillNo: string;
  state: TransferState;
  /**
   * For wx.requestMerchantTransfer when state is WAIT_USER_CONFIRM. Only the transfer call returns
   * it (the query never does): to get it again, repeat transfer() with the same input.
   */
  packageInfo: string | null;
  /** WeChat's reason code (OPENID_INVALID, NAME_NOT_CORRECT, …) when state is FAIL. */
  failReason: string | null;
}

/** Headers as Fastify/node give them: any case, possibly repeated. */
export type IncomingHeaders = Record<string, string | string[] | undefined>;

export interface PaymentProvider {
  readonly name: 'wechatpay' | 'sandbox';
  prepay(input: PrepayInput): Promise<PrepayResult>;
  /** Verifies and decrypts a notify from its headers and the RAW body string. Throws NotifyRejectedError when anything is off. */
  verifyNotify(headers: IncomingHeaders, rawBody: string): Promise<PaymentNotice | RefundNotice>;
  queryPayment(outTradeNo: string): Promise<PaymentQuery>;
  /** Idempotent: closing an already closed transaction succeeds. */
  closePayment(outTradeNo: string): Promise<void>;
  /** Idempotent by outRefundNo: the same request again returns the same refund. */
  refund(input: RefundInput): Promise<RefundResult>;
  queryRefund(outRefundNo: string): Promise<RefundResult>;
  /** Idempotent by outBillNo: the same request again returns the same bill, in its current state. */
  transfer(input: TransferInput): Promise<TransferResult>;
  queryTransfer(outBillNo: string): Promise<TransferResult>;
}

export type NotifyRejectionReason =
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_SERIAL'
  | 'STALE_TIMESTAMP'
  | 'BAD_RESOURCE'
  | 'MERCHANT_MISMATCH'
  | 'MALFORMED';

/** A notify that must not be trusted. The notify route answers 4xx/5xx so WeChat retries a genuine one. */
export class NotifyRejectedError extends Error {
  override name = 'NotifyRejectedError';
  constructor(
    readonly reason: NotifyRejectionReason,
    message: string = reason,
  ) {
    super(message);
  }
}

/**
 * A call to the provider failed. `code` is WeChat's error code (SIGN_ERROR, PARAM_ERROR,
 * ORDER_NOT_EXIST, NOT_FOUND, …) or one of ours when no WeChat answer could be trusted: TIMEOUT,
 * NETWORK_ERROR, RESPONSE_SIGNATURE_INVALID, MALFORMED_RESPONSE. `status` is the HTTP status,
 * null when there was no response.
 */
export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError';
  constructor(
    readonly status: number | null,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /**
   * True when the outcome is unknown or temporary (no answer, 5xx, 429, an answer we could not
   * trust): retry with the same outTradeNo/outRefundNo/outBillNo, or query, before concluding anything.
   */
  get retryable(): boolean {
    return this.status === null || this.status >= 500 || this.status === 429 || this.code === 'RESPONSE_SIGNATURE_INVALID' || this.code === 'MALFORMED_RESPONSE';
  }
}
