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
} from '../payment-provider';
import { PaymentProviderError } from '../payment-provider';
import { randomNonce, signingMessage, signRsaSha256 } from './crypto';
import { fromWechatTime, toWechatTime } from './rfc3339';
import { loadWechatPayKeys, type WechatPayConfig, type WechatPayKeys } from './wechatpay-config';
import { WechatPayHttpClient } from './wechatpay-http-client';
import { readWechatPayNotify } from './wechatpay-notify';
import { COMMISSION_TRANSFER_SCENE } from './transfer-scene';
import {
  PrepayResponse,
  Refund,
  Transaction,
  TransferBill,
  TransferBillCreated,
  type JsapiPrepayRequest,
  type RefundRequest,
  type TransferBillRequest,
} from './wire';

export interface WechatPayProviderOptions {
  /** The clock for signatures and the notify freshness window; tests move it. */
  now?: () => Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** WeChat refuses a refund reason longer than 80 characters; a long one is cut rather than failing the refund. */
const MAX_REFUND_REASON = 80;
/** Likewise for the 32-character transfer remark the user sees. */
const MAX_TRANSFER_REMARK = 32;

/** WeChat Pay APIv3 for one directly connected merchant (直连商户): JSAPI (mini-program) payments, refunds, and 商家转账 transfers to users. */
export class WechatPayProvider implements PaymentProvider {
  readonly name = 'wechatpay' as const;
  private readonly keys: WechatPayKeys;
  private readonly http: WechatPayHttpClient;
  private readonly now: () => Date;

  constructor(
    private readonly config: WechatPayConfig,
    options: WechatPayProviderOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.keys = loadWechatPayKeys(config);
    this.http = new WechatPayHttpClient(config, this.keys, {
      now: this.now,
      fetch: options.fetch ?? fetch,
      timeoutMs: options.timeoutMs ?? config.timeoutMs,
    });
  }

  async prepay(input: PrepayInput): Promise<PrepayResult> {
    const request: JsapiPrepayRequest = {
      appid: this.config.appid,
      mchid: this.config.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: toWechatTime(input.expiresAt),
      notify_url: this.config.notifyUrl,
      amount: { total: input.amount, currency: 'CNY' },
      payer: { openid: input.payerOpenid },
    };
    const { prepay_id: prepayId } = await this.http.call(PrepayResponse, 'POST', '/v3/pay/transactions/jsapi', request);

    const timeStamp = String(Math.floor(this.now().getTime() / 1000));
    const nonceStr = randomNonce();
    const pkg = `prepay_id=${prepayId}`;
    const paySign = signRsaSha256(signingMessage(this.config.appid, timeStamp, nonceStr, pkg), this.keys.merchantPrivateKey);
    return { prepayId, requestPayment: { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign } };
  }

  async verifyNotify(headers: IncomingHeaders, rawBody: string): Promise<PaymentNotice | RefundNotice> {
    return readWechatPayNotify(headers, rawBody, {
      mchid: this.config.mchid,
      appid: this.config.appid,
      apiV3Key: this.config.apiV3Key,
      publicKeys: this.keys.platformPublicKeys,
      now: this.now(),
    });
  }

  async queryPayment(outTradeNo: string): Promise<PaymentQuery> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.config.mchid)}`;
    const transaction = await this.http.call(Transaction, 'GET', path);
    if (transaction.out_trade_no !== outTradeNo || transaction.mchid !== this.config.mchid) {
      throw new PaymentProviderError(200, 'MALFORMED_RESPONSE', 'the queried transaction is not the one asked for');
    }
    return {
      outTradeNo,
      tradeState: transaction.trade_state,
      transactionId: transaction.transaction_id || null,
      amount: transaction.amount?.total ?? null,
      payerOpenid: transaction.payer?.openid || null,
      successTime: fromWechatTime(transaction.success_time),
    };
  }

  async closePayment(outTradeNo: string): Promise<void> {
    await this.http.send('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.config.mchid });
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    const reason = Array.from(input.reason).slice(0, MAX_REFUND_REASON).join('');
    const request: RefundRequest = {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(reason ? { reason } : {}),
      notify_url: this.config.notifyUrl,
      amount: { refund: input.refundAmount, total: input.totalAmount, currency: 'CNY' },
    };
    return toRefundResult(await this.http.call(Refund, 'POST', '/v3/refund/domestic/refunds', request));
  }

  async queryRefund(outRefundNo: string): Promise<RefundResult> {
    return toRefundResult(await this.http.call(Refund, 'GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`));
  }

  /**
   * No notify_url: WeChat's MCHTRANSFER.BILL.FINISHED notify is not something verifyNotify
   * accepts, and a notify we refuse is retried for hours. The caller learns the end through queryTransfer.
   */
  async transfer(input: TransferInput): Promise<TransferResult> {
    const request: TransferBillRequest = {
      appid: this.config.appid,
      out_bill_no: input.outBillNo,
      transfer_scene_id: COMMISSION_TRANSFER_SCENE.id,
      openid: input.openid,
      transfer_amount: input.amount,
      transfer_remark: Array.from(input.remark).slice(0, MAX_TRANSFER_REMARK).join(''),
      user_recv_perception: COMMISSION_TRANSFER_SCENE.userRecvPerception,
      transfer_scene_report_infos: [...COMMISSION_TRANSFER_SCENE.reportInfos],
    };
    const bill = await this.http.call(TransferBillCreated, 'POST', '/v3/fund-app/mch-transfer/transfer-bills', request);
    if (bill.out_bill_no !== input.outBillNo) throw new PaymentProviderError(200, 'MALFORMED_RESPONSE', 'the transfer bill is not the one asked for');
    return {
      outBillNo: input.outBillNo,
      transferBillNo: bill.transfer_bill_no,
      state: bill.state,
      packageInfo: bill.package_info || null,
      failReason: bill.fail_reason || null,
    };
  }

  async queryTransfer(outBillNo: string): Promise<TransferResult> {
    const path = `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${encodeURIComponent(outBillNo)}`;
    const bill = await this.http.call(TransferBill, 'GET', path);
    if (bill.out_bill_no !== outBillNo || bill.mch_id !== this.config.mchid) {
      throw new PaymentProviderError(200, 'MALFORMED_RESPONSE', 'the queried transfer bill is not the one asked for');
    }
    return { outBillNo, transferBillNo: bill.transfer_bill_no, state: bill.state, packageInfo: null, failReason: bill.fail_reason || null };
  }
}

function toRefundResult(refund: Refund): RefundResult {
  return { refundId: refund.refund_id, outRefundNo: refund.out_refund_no, status: refund.status };
}
