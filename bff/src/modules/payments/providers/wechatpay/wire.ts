import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * The JSON bodies of WeChat Pay APIv3 as documented (JSAPI下单, 查询订单, 关闭订单, 退款, 支付/退款通知,
 * 商家转账: 发起转账, 商户单号查询转账单),
 * limited to the fields Linli reads or writes. Extra fields are allowed: WeChat adds fields freely.
 * Both the client (to read answers) and the fake server (to read requests) check against these.
 */

const Fen = Type.Integer({ minimum: 0 });
const NonEmpty = Type.String({ minLength: 1 });

export const JsapiPrepayRequest = Type.Object({
  appid: NonEmpty,
  mchid: NonEmpty,
  description: Type.String({ minLength: 1, maxLength: 127 }),
  out_trade_no: Type.String({ minLength: 6, maxLength: 32, pattern: '^[0-9A-Za-z_\\-|*]+$' }),
  time_expire: Type.Optional(Type.String()),
  notify_url: NonEmpty,
  amount: Type.Object({ total: Type.Integer({ minimum: 1 }), currency: Type.Optional(Type.Literal('CNY')) }),
  payer: Type.Object({ openid: NonEmpty }),
});
export type JsapiPrepayRequest = Static<typeof JsapiPrepayRequest>;

export const PrepayResponse = Type.Object({ prepay_id: NonEmpty });

export const CloseRequest = Type.Object({ mchid: NonEmpty });

export const TradeState = Type.Union(
  (['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'] as const).map((s) => Type.Literal(s)),
);

/** A transaction as 查询订单 answers it and as TRANSACTION.SUCCESS carries it (decrypted). */
export const Transaction = Type.Object({
  appid: NonEmpty,
  mchid: NonEmpty,
  out_trade_no: NonEmpty,
  transaction_id: Type.Optional(Type.String()),
  trade_type: Type.Optional(Type.String()),
  trade_state: TradeState,
  trade_state_desc: Type.Optional(Type.String()),
  bank_type: Type.Optional(Type.String()),
  attach: Type.Optional(Type.String()),
  success_time: Type.Optional(Type.String()),
  payer: Type.Optional(Type.Object({ openid: Type.Optional(Type.String()) })),
  amount: Type.Optional(
    Type.Object({
      total: Type.Optional(Fen),
      payer_total: Type.Optional(Fen),
      currency: Type.Optional(Type.String()),
      payer_currency: Type.Optional(Type.String()),
    }),
  ),
});
export type Transaction = Static<typeof Transaction>;

export const RefundRequest = Type.Object({
  transaction_id: Type.Optional(NonEmpty),
  out_trade_no: Type.Optional(NonEmpty),
  out_refund_no: Type.String({ minLength: 1, maxLength: 64 }),
  reason: Type.Optional(Type.String({ maxLength: 80 })),
  notify_url: Type.Optional(NonEmpty),
  amount: Type.Object({ refund: Type.Integer({ minimum: 1 }), total: Type.Integer({ minimum: 1 }), currency: Type.Literal('CNY') }),
});
export type RefundRequest = Static<typeof RefundRequest>;

export const RefundStatus = Type.Union((['SUCCESS', 'PROCESSING', 'ABNORMAL', 'CLOSED'] as const).map((s) => Type.Literal(s)));

/** A refund as 申请退款 and 查询单笔退款 answer it. */
export const Refund = Type.Object({
  refund_id: NonEmpty,
  out_refund_no: NonEmpty,
  transaction_id: Type.Optional(Type.String()),
  out_trade_no: Type.Optional(Type.String()),
  channel: Type.Optional(Type.String()),
  user_received_account: Type.Optional(Type.String()),
  success_time: Type.Optional(Type.String()),
  create_time: Type.Optional(Type.String()),
  status: RefundStatus,
  funds_account: Type.Optional(Type.String()),
  amount: Type.Object({
    total: Fen,
    refund: Fen,
    payer_total: Type.Optional(Fen),
    payer_refund: Type.Optional(Fen),
    currency: Type.Optional(Type.String()),
  }),
});
export type Refund = Static<typeof Refund>;

/** What REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED carry (decrypted). No appid: refunds are per merchant. */
export const RefundNotifyResource = Type.Object({
  mchid: NonEmpty,
  out_trade_no: NonEmpty,
  transaction_id: Type.Optional(Type.String()),
  out_refund_no: NonEmpty,
  refund_id: NonEmpty,
  refund_status: Type.Union((['SUCCESS', 'ABNORMAL', 'CLOSED'] as const).map((s) => Type.Literal(s))),
  success_time: Type.Optional(Type.String()),
  user_received_account: Type.Optional(Type.String()),
  amount: Type.Object({ total: Fen, refund: Fen, payer_total: Type.Optional(Fen), payer_refund: Type.Optional(Fen) }),
});
export type RefundNotifyResource = Static<typeof RefundNotifyResource>;

export const NotifyEnvelope = Type.Object({
  id: NonEmpty,
  create_time: Type.String(),
  event_type: NonEmpty,
  resource_type: Type.Literal('encrypt-resource'),
  summary: Type.Optional(Type.String()),
  resource: Type.Object({
    algorithm: Type.Literal('AEAD_AES_256_GCM'),
    ciphertext: NonEmpty,
    nonce: NonEmpty,
    associated_data: Type.Optional(Type.String()),
    original_type: Type.String(),
  }),
});
export type NotifyEnvelope = Static<typeof NotifyEnvelope>;

export const TransferBillRequest = Type.Object({
  appid: NonEmpty,
  out_bill_no: Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z]+$' }),
  transfer_scene_id: NonEmpty,
  openid: NonEmpty,
  /** Encrypted with WeChat's public key; required from 2,000 yuan. Linli never sends it. */
  user_name: Type.Optional(NonEmpty),
  transfer_amount: Type.Integer({ minimum: 1 }),
  transfer_remark: Type.String({ minLength: 1, maxLength: 32 }),
  notify_url: Type.Optional(NonEmpty),
  user_recv_perception: Type.Optional(Type.String()),
  transfer_scene_report_infos: Type.Optional(
    Type.Array(Type.Object({ info_type: Type.String({ minLength: 1, maxLength: 15 }), info_content: Type.String({ minLength: 1, maxLength: 32 }) })),
  ),
});
export type TransferBillRequest = Static<typeof TransferBillRequest>;

export const TransferState = Type.Union(
  (['ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM', 'TRANSFERING', 'SUCCESS', 'FAIL', 'CANCELING', 'CANCELLED'] as const).map((s) => Type.Literal(s)),
);

/** What 发起转账 answers; package_info while the user has to confirm, fail_reason once failed. */
export const TransferBillCreated = Type.Object({
  out_bill_no: NonEmpty,
  transfer_bill_no: NonEmpty,
  create_time: Type.String(),
  state: TransferState,
  fail_reason: Type.Optional(Type.String()),
  package_info: Type.Optional(Type.String()),
});
export type TransferBillCreated = Static<typeof TransferBillCreated>;

/** What 商户单号查询转账单 answers. Note mch_id, not mchid, and no package_info. */
export const TransferBill = Type.Object({
  mch_id: NonEmpty,
  out_bill_no: NonEmpty,
  transfer_bill_no: NonEmpty,
  appid: NonEmpty,
  state: TransferState,
  transfer_amount: Fen,
  transfer_remark: Type.String(),
  fail_reason: Type.Optional(Type.String()),
  openid: Type.Optional(Type.String()),
  user_name: Type.Optional(Type.String()),
  create_time: Type.String(),
  update_time: Type.String(),
});
export type TransferBill = Static<typeof TransferBill>;

export const ErrorBody = Type.Object({ code: NonEmpty, message: Type.String() });
export type ErrorBody = Static<typeof ErrorBody>;

/** JSON.parse + schema check; null when the text is not JSON or does not match. */
export function parseJsonAs<T extends TSchema>(schema: T, text: string): Static<T> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return Value.Check(schema, value) ? value : null;
}

/** The first schema violation, worded for a PARAM_ERROR message. */
export function firstViolation(schema: TSchema, value: unknown): string | null {
  const error = Value.Errors(schema, value).First();
  return error ? `${error.path || '/'}: ${error.message}` : null;
}
