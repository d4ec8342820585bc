import type { KeyObject } from 'node:crypto';
import { NotifyRejectedError, type IncomingHeaders, type PaymentNotice, type RefundNotice } from '../payment-provider';
import { aesGcmDecrypt } from './crypto';
import { fromWechatTime } from './rfc3339';
import { checkWechatpaySignature } from './wechatpay-signature';
import { NotifyEnvelope, parseJsonAs, RefundNotifyResource, Transaction } from './wire';

export interface NotifyContext {
  mchid: string;
  appid: string;
  apiV3Key: string;
  publicKeys: ReadonlyMap<string, KeyObject>;
  now: Date;
}

const REFUND_EVENTS = new Set(['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED']);

/**
 * Trusts a notify only after: a known serial, a timestamp within ±5 minutes, WeChat's signature
 * over the raw body exactly as received, an authentic AES-GCM resource, and our own mchid (and
 * appid for payments) inside it. Anything else throws NotifyRejectedError.
 */
export function readWechatPayNotify(headers: IncomingHeaders, rawBody: string, context: NotifyContext): PaymentNotice | RefundNotice {
  const check = checkWechatpaySignature(headers, rawBody, context.publicKeys, context.now);
  if (!check.ok) throw new NotifyRejectedError(check.reason, check.message);

  const envelope = parseJsonAs(NotifyEnvelope, rawBody);
  if (!envelope) throw new NotifyRejectedError('MALFORMED', 'the notify body is not a WeChat Pay notify');

  let plaintext: string;
  try {
    plaintext = aesGcmDecrypt(
      { ciphertext: envelope.resource.ciphertext, nonce: envelope.resource.nonce, associatedData: envelope.resource.associated_data ?? '' },
      context.apiV3Key,
    );
  } catch {
    throw new NotifyRejectedError('BAD_RESOURCE', 'the notify resource does not decrypt');
  }

  if (envelope.event_type === 'TRANSACTION.SUCCESS') return paymentNotice(envelope.id, plaintext, context);
  if (REFUND_EVENTS.has(envelope.event_type)) return refundNotice(envelope.id, plaintext, context);
  throw new NotifyRejectedError('MALFORMED', `unhandled notify event ${envelope.event_type}`);
}

function paymentNotice(notifyId: string, plaintext: string, context: NotifyContext): PaymentNotice {
  const transaction = parseJsonAs(Transaction, plaintext);
  const amount = transaction?.amount?.total;
  if (!transaction?.transaction_id || amount === undefined) {
    throw new NotifyRejectedError('BAD_RESOURCE', 'the payment notify resource is not a paid transaction');
  }
  if (transaction.mchid !== context.mchid || transaction.appid !== context.appid) {
    throw new NotifyRejectedError('MERCHANT_MISMATCH', 'the payment notify is for another merchant or app');
  }
  return {
    kind: 'payment',
    outTradeNo: transaction.out_trade_no,
    transactionId: transaction.transaction_id,
    amount,
    payerOpenid: transaction.payer?.openid ?? null,
    tradeState: transaction.trade_state,
    successTime: fromWechatTime(transaction.success_time),
    notifyId,
  };
}

function refundNotice(notifyId: string, plaintext: string, context: NotifyContext): RefundNotice {
  const refund = parseJsonAs(RefundNotifyResource, plaintext);
  if (!refund) throw new NotifyRejectedError('BAD_RESOURCE', 'the refund notify resource is not a refund');
  if (refund.mchid !== context.mchid) throw new NotifyRejectedError('MERCHANT_MISMATCH', 'the refund notify is for another merchant');
  return {
    kind: 'refund',
    outTradeNo: refund.out_trade_no,
    outRefundNo: refund.out_refund_no,
    refundId: refund.refund_id,
    refundAmount: refund.amount.refund,
    status: refund.refund_status,
    successTime: fromWechatTime(refund.success_time),
    notifyId,
  };
}
