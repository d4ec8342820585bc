import { randomInt } from 'node:crypto';
import type { PaymentState, RefundStatus } from '../payment-provider';
import { fromWechatTime, toWechatTime } from './rfc3339';
import type { JsapiPrepayRequest, Refund, RefundRequest, Transaction } from './wire';

/**
 * The fake's back office: transactions and refunds in memory, with the business rules WeChat Pay
 * documents for them. Violations are thrown as WechatPayApiError, which the server turns into the
 * documented `{code, message}` answer.
 */

export class WechatPayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeTransaction {
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  total: number;
  payerOpenid: string;
  notifyUrl: string;
  timeExpire: Date | null;
  prepayId: string;
  state: PaymentState;
  transactionId: string | null;
  successTime: Date | null;
}

export interface FakeRefund {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  refund: number;
  total: number;
  reason: string;
  notifyUrl: string | null;
  status: RefundStatus;
  createTime: Date;
  successTime: Date | null;
}

const TRADE_STATE_DESC: Record<PaymentState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '订单已关闭',
  REVOKED: '已撤销',
  USERPAYING: '用户支付中',
  PAYERROR: '支付失败',
};

export class FakeWechatPayLedger {
  private readonly transactions = new Map<string, FakeTransaction>();
  private readonly refunds = new Map<string, FakeRefund>();

  prepay(request: JsapiPrepayRequest, now: Date): FakeTransaction {
    const existing = this.transactions.get(request.out_trade_no);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') throw new WechatPayApiError(400, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') throw new WechatPayApiError(400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.total !== request.amount.total) {
        throw new WechatPayApiError(400, 'INVALID_REQUEST', 'duplicate out_trade_no with different amount');
      }
      if (existing.description !== request.description || existing.payerOpenid !== request.payer.openid) {
        throw new WechatPayApiError(400, 'INVALID_REQUEST', 'duplicate out_trade_no with different parameters');
      }
      return existing;
    }
    const transaction: FakeTransaction = {
      appid: request.appid,
      mchid: request.mchid,
      outTradeNo: request.out_trade_no,
      description: request.description,
      total: request.amount.total,
      payerOpenid: request.payer.openid,
      notifyUrl: request.notify_url,
      timeExpire: fromWechatTime(request.time_expire),
      prepayId: `wx${compactTime(now)}${digits(20)}`,
      state: 'NOTPAY',
      transactionId: null,
      successTime: null,
    };
    this.transactions.set(transaction.outTradeNo, transaction);
    return transaction;
  }

  transaction(outTradeNo: string): FakeTransaction {
    const transaction = this.transactions.get(outTradeNo);
    if (!transaction) throw new WechatPayApiError(404, 'ORDER_NOT_EXIST', '订单不存在');
    return transaction;
  }

  close(outTradeNo: string): void {
    const transaction = this.transaction(outTradeNo);
    if (transaction.state === 'SUCCESS' || transaction.state === 'REFUND') throw new WechatPayApiError(400, 'ORDERPAID', '该订单已支付');
    transaction.state = 'CLOSED';
  }

  /** The shopper pays. A misuse by the test (unknown, closed, paid, expired) is a plain Error. */
  pay(outTradeNo: string, now: Date): FakeTransaction {
    const transaction = this.transactions.get(outTradeNo);
    if (!transaction) throw new Error(`fake WeChat Pay: no transaction ${outTradeNo}`);
    if (transaction.state !== 'NOTPAY') throw new Error(`fake WeChat Pay: transaction ${outTradeNo} is ${transaction.state}`);
    if (transaction.timeExpire && now > transaction.timeExpire) throw new Error(`fake WeChat Pay: transaction ${outTradeNo} expired`);
    transaction.state = 'SUCCESS';
    transaction.transactionId = `4200${digits(24)}`;
    transaction.successTime = now;
    return transaction;
  }

  refund(request: RefundRequest, now: Date, completeImmediately: boolean): FakeRefund {
    const transaction = this.transactionForRefund(request);
    const existing = this.refunds.get(request.out_refund_no);
    if (existing) {
      if (existing.outTradeNo !== transaction.outTradeNo || existing.refund !== request.amount.refund) {
        throw new WechatPayApiError(400, 'INVALID_REQUEST', 'duplicate out_refund_no with different parameters');
      }
      return existing;
    }
    if (!transaction.transactionId) throw new WechatPayApiError(400, 'INVALID_REQUEST', '订单未支付');
    if (request.amount.total !== transaction.total) {
      throw new WechatPayApiError(400, 'INVALID_REQUEST', '订单金额或退款金额与之前请求不一致');
    }
    if (request.amount.refund > transaction.total - this.refundedOrRefunding(transaction.outTradeNo)) {
      throw new WechatPayApiError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    }
    const refund: FakeRefund = {
      refundId: `50${digits(30)}`,
      outRefundNo: request.out_refund_no,
      outTradeNo: transaction.outTradeNo,
      transactionId: transaction.transactionId,
      refund: request.amount.refund,
      total: transaction.total,
      reason: request.reason ?? '',
      notifyUrl: request.notify_url ?? null,
      status: completeImmediately ? 'SUCCESS' : 'PROCESSING',
      createTime: now,
      successTime: completeImmediately ? now : null,
    };
    this.refunds.set(refund.outRefundNo, refund);
    transaction.state = 'REFUND';
    return refund;
  }

  refundByOutRefundNo(outRefundNo: string): FakeRefund {
    const refund = this.refunds.get(outRefundNo);
    if (!refund) throw new WechatPayApiError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    return refund;
  }

  /** Moves a PROCESSING refund to its final status; asking again for the same final status is allowed. */
  settleRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED', now: Date): FakeRefund {
    const refund = this.refunds.get(outRefundNo);
    if (!refund) throw new Error(`fake WeChat Pay: no refund ${outRefundNo}`);
    if (refund.status === status) return refund;
    if (refund.status !== 'PROCESSING') throw new Error(`fake WeChat Pay: refund ${outRefundNo} is already ${refund.status}`);
    refund.status = status;
    if (status === 'SUCCESS') refund.successTime = now;
    return refund;
  }

  private transactionForRefund(request: RefundRequest): FakeTransaction {
    if (!request.out_trade_no && !request.transaction_id) {
      throw new WechatPayApiError(400, 'PARAM_ERROR', 'out_trade_no or transaction_id is required');
    }
    const transaction = request.out_trade_no
      ? this.transactions.get(request.out_trade_no)
      : [...this.transactions.values()].find((t) => t.transactionId === request.transaction_id);
    if (!transaction) throw new WechatPayApiError(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    return transaction;
  }

  /** A CLOSED refund gives its amount back to the refundable balance. */
  private refundedOrRefunding(outTradeNo: string): number {
    let sum = 0;
    for (const refund of this.refunds.values()) {
      if (refund.outTradeNo === outTradeNo && refund.status !== 'CLOSED') sum += refund.refund;
    }
    return sum;
  }
}

/** As 查询订单 answers and TRANSACTION.SUCCESS carries it; an unpaid one has no payer nor total, as on WeChat. */
export function transactionJson(t: FakeTransaction): Transaction {
  const base = {
    appid: t.appid,
    mchid: t.mchid,
    out_trade_no: t.outTradeNo,
    trade_type: 'JSAPI',
    trade_state: t.state,
    trade_state_desc: TRADE_STATE_DESC[t.state],
    attach: '',
  };
  if (!t.transactionId || !t.successTime) return { ...base, amount: { payer_currency: 'CNY' } };
  return {
    ...base,
    transaction_id: t.transactionId,
    bank_type: 'OTHERS',
    success_time: toWechatTime(t.successTime),
    payer: { openid: t.payerOpenid },
    amount: { total: t.total, payer_total: t.total, currency: 'CNY', payer_currency: 'CNY' },
  };
}

export function refundJson(r: FakeRefund): Refund {
  return {
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: r.transactionId,
    out_trade_no: r.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(r.successTime ? { success_time: toWechatTime(r.successTime) } : {}),
    create_time: toWechatTime(r.createTime),
    status: r.status,
    funds_account: 'AVAILABLE',
    amount: { total: r.total, refund: r.refund, payer_total: r.total, payer_refund: r.refund, currency: 'CNY' },
  };
}

export function digits(count: number): string {
  return Array.from({ length: count }, () => randomInt(10)).join('');
}

function compactTime(now: Date): string {
  return toWechatTime(now).slice(0, 19).replace(/\D/g, '');
}
