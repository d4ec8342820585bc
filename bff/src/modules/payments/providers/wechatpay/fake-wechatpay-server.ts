import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TSchema, Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseAuthorization, requestSigningMessage } from './authorization';
import { aesGcmEncrypt, generateKeyPair, loadPrivateKey, loadPublicKey, randomNonce, verifyRsaSha256 } from './crypto';
import {
  FakeWechatPayLedger,
  refundJson,
  transactionJson,
  WechatPayApiError,
  type FakeRefund,
} from './fake-wechatpay-ledger';
import { FakeTransferLedger, transferBillCreatedJson, transferBillJson, type TransferOutcome } from './fake-transfer-ledger';
import { isWechatTime, toWechatTime } from './rfc3339';
import { MAX_CLOCK_SKEW_SECONDS, wechatpaySignatureHeaders, type WechatpaySigner } from './wechatpay-signature';
import { CloseRequest, firstViolation, JsapiPrepayRequest, RefundRequest, TransferBillRequest, type RefundNotifyResource } from './wire';

/**
 * A local stand-in for api.mch.weixin.qq.com: the documented JSAPI endpoints over real HTTP on
 * 127.0.0.1, checking the merchant's request signatures, signing every answer with its own
 * platform key, and sending notifies signed and encrypted exactly as WeChat Pay does. Tests and
 * the sandbox act as the shopper through pay(), as WeChat's refund back office through
 * completeRefund(), and as the user confirming (or WeChat failing) a transfer through settleTransfer().
 */

export interface FakeWechatPayOptions {
  mchid: string;
  /** The appid bound to the merchant; a prepay for another appid gets APPID_MCHID_NOT_MATCH. */
  appid: string;
  /** The merchant API certificate the fake accepts request signatures from. */
  merchant: { serial: string; publicKeyPem: string };
  apiV3Key: string;
  /** The fake's signing key; generated when absent. Its serial may be a certificate serial or a PUB_KEY_ID_…. */
  platform?: { serial: string; privateKeyPem: string; publicKeyPem: string };
  /** Refunds answer SUCCESS at once instead of PROCESSING. Default false, as on WeChat. */
  refundsCompleteImmediately?: boolean;
  now?: () => Date;
  /** Used to deliver notifies when asked to. */
  fetch?: typeof fetch;
}

export interface SignedNotify {
  headers: Record<string, string>;
  body: string;
}

export interface IssuedNotify extends SignedNotify {
  /** What the notify_url answered, when the notify was delivered; null when it was only returned. */
  deliveryStatus: number | null;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeWechatPayServer {
  readonly baseUrl: string;
  /** What a client must trust: platformPublicKeys = { [serial]: publicKeyPem }. */
  readonly platform: { serial: string; publicKeyPem: string };
  /** Every request received, in order — for tests that check what the client sent. */
  readonly requests: readonly ReceivedRequest[];
  /** The shopper pays: the transaction becomes SUCCESS; returns the TRANSACTION.SUCCESS notify (and posts it if deliver). */
  pay(outTradeNo: string, options?: { deliver?: boolean }): Promise<IssuedNotify>;
  /** A PROCESSING refund reaches its final status (SUCCESS by default); returns the REFUND.* notify (and posts it if deliver). */
  completeRefund(outRefundNo: string, options?: { status?: 'SUCCESS' | 'ABNORMAL' | 'CLOSED'; deliver?: boolean }): Promise<IssuedNotify>;
  /** A WAIT_USER_CONFIRM transfer bill ends: the user confirmed (SUCCESS) or WeChat failed it. No notify: Linli queries. */
  settleTransfer(outBillNo: string, outcome: TransferOutcome): void;
  close(): Promise<void>;
}

export async function startFakeWechatPayServer(options: FakeWechatPayOptions): Promise<FakeWechatPayServer> {
  const fake = new FakeWechatPay(options);
  return fake.listen();
}

class FakeWechatPay {
  private readonly ledger = new FakeWechatPayLedger();
  private readonly transfers = new FakeTransferLedger();
  private readonly requests: ReceivedRequest[] = [];
  private readonly merchantKey: KeyObject;
  private readonly platformPem: { serial: string; privateKeyPem: string; publicKeyPem: string };
  private readonly signer: WechatpaySigner;
  private readonly now: () => Date;

  constructor(private readonly options: FakeWechatPayOptions) {
    this.merchantKey = loadPublicKey(options.merchant.publicKeyPem);
    this.platformPem = options.platform ?? { serial: randomBytes(20).toString('hex').toUpperCase(), ...generateKeyPair() };
    this.signer = { serial: this.platformPem.serial, privateKey: loadPrivateKey(this.platformPem.privateKeyPem) };
    this.now = options.now ?? (() => new Date());
  }

  async listen(): Promise<FakeWechatPayServer> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      platform: { serial: this.platformPem.serial, publicKeyPem: this.platformPem.publicKeyPem },
      requests: this.requests,
      pay: (outTradeNo, opts) => this.pay(outTradeNo, opts?.deliver ?? false),
      completeRefund: (outRefundNo, opts) => this.completeRefund(outRefundNo, opts?.status ?? 'SUCCESS', opts?.deliver ?? false),
      settleTransfer: (outBillNo, outcome) => {
        this.transfers.settle(outBillNo, outcome, this.now());
      },
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        }),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const pathWithQuery = req.url ?? '/';
    this.requests.push({ method, path: pathWithQuery, headers: req.headers, body });
    try {
      this.authenticate(req, method, pathWithQuery, body);
      const answer = this.route(method, new URL(pathWithQuery, 'http://fake'), body);
      this.respond(res, answer.status, answer.json === undefined ? '' : JSON.stringify(answer.json));
    } catch (error) {
      const apiError = error instanceof WechatPayApiError ? error : new WechatPayApiError(500, 'SYSTEM_ERROR', '系统错误');
      this.respond(res, apiError.status, JSON.stringify({ code: apiError.code, message: apiError.message }));
    }
  }

  private authenticate(req: IncomingMessage, method: string, pathWithQuery: string, body: string): void {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) throw new WechatPayApiError(401, 'SIGN_ERROR', 'Http头Authorization值格式错误');
    if (auth.mchid !== this.options.mchid) throw new WechatPayApiError(401, 'SIGN_ERROR', '商户号与签名不匹配');
    if (auth.serialNo !== this.options.merchant.serial) throw new WechatPayApiError(401, 'SIGN_ERROR', '商户证书序列号有误');
    if (!/^\d+$/.test(auth.timestamp) || Math.abs(this.now().getTime() / 1000 - Number(auth.timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
      throw new WechatPayApiError(401, 'SIGN_ERROR', '请求时间戳已过期');
    }
    const message = requestSigningMessage(method, pathWithQuery, auth.timestamp, auth.nonceStr, body);
    if (!verifyRsaSha256(message, auth.signature, this.merchantKey)) throw new WechatPayApiError(401, 'SIGN_ERROR', '签名错误');
  }

  private route(method: string, url: URL, body: string): { status: number; json?: object } {
    const path = url.pathname;
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi') return this.prepay(body);

    const transactionPath = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
    if (transactionPath?.[1] !== undefined) {
      const outTradeNo = decodeURIComponent(transactionPath[1]);
      if (method === 'GET' && !transactionPath[2]) {
        this.checkMchid(url.searchParams.get('mchid'));
        return { status: 200, json: transactionJson(this.ledger.transaction(outTradeNo)) };
      }
      if (method === 'POST' && transactionPath[2]) {
        this.checkMchid(readBody(CloseRequest, body).mchid);
        this.ledger.close(outTradeNo);
        return { status: 204 };
      }
    }

    if (method === 'POST' && path === '/v3/refund/domestic/refunds') {
      const refund = this.ledger.refund(readBody(RefundRequest, body), this.now(), this.options.refundsCompleteImmediately ?? false);
      return { status: 200, json: refundJson(refund) };
    }
    const refundPath = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
    if (method === 'GET' && refundPath?.[1] !== undefined) {
      return { status: 200, json: refundJson(this.ledger.refundByOutRefundNo(decodeURIComponent(refundPath[1]))) };
    }

    if (method === 'POST' && path === '/v3/fund-app/mch-transfer/transfer-bills') return this.transfer(body);
    const transferPath = /^\/v3\/fund-app\/mch-transfer\/transfer-bills\/out-bill-no\/([^/]+)$/.exec(path);
    if (method === 'GET' && transferPath?.[1] !== undefined) {
      return { status: 200, json: transferBillJson(this.transfers.bill(decodeURIComponent(transferPath[1]))) };
    }
    throw new WechatPayApiError(404, 'NOT_FOUND', `no such API: ${method} ${path}`);
  }

  private prepay(body: string): { status: number; json: object } {
    const request = readBody(JsapiPrepayRequest, body);
    this.checkMchid(request.mchid);
    if (request.appid !== this.options.appid) throw new WechatPayApiError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    if (request.time_expire !== undefined && !isWechatTime(request.time_expire)) {
      throw new WechatPayApiError(400, 'PARAM_ERROR', 'time_expire 格式错误, 须为 rfc3339');
    }
    const transaction = this.ledger.prepay(request, this.now());
    return { status: 200, json: { prepay_id: transaction.prepayId } };
  }

  private transfer(body: string): { status: number; json: object } {
    const request = readBody(TransferBillRequest, body);
    if (request.appid !== this.options.appid) throw new WechatPayApiError(400, 'INVALID_REQUEST', 'appid与商户号不匹配');
    return { status: 200, json: transferBillCreatedJson(this.transfers.create(request, this.options.mchid, this.now())) };
  }

  private checkMchid(mchid: string | null): void {
    if (!mchid) throw new WechatPayApiError(400, 'PARAM_ERROR', '缺少参数 mchid');
    if (mchid !== this.options.mchid) throw new WechatPayApiError(400, 'MCH_NOT_EXISTS', '商户号不存在');
  }

  private respond(res: ServerResponse, status: number, body: string): void {
    res.writeHead(status, {
      ...wechatpaySignatureHeaders(body, this.signer, this.now()),
      'Request-ID': randomUUID(),
      ...(body ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    });
    res.end(body);
  }

  private async pay(outTradeNo: string, deliver: boolean): Promise<IssuedNotify> {
    const transaction = this.ledger.pay(outTradeNo, this.now());
    const notify = this.notify('TRANSACTION.SUCCESS', '支付成功', 'transaction', transactionJson(transaction));
    return this.issue(notify, deliver ? transaction.notifyUrl : null);
  }

  private async completeRefund(outRefundNo: string, status: 'SUCCESS' | 'ABNORMAL' | 'CLOSED', deliver: boolean): Promise<IssuedNotify> {
    const refund = this.ledger.settleRefund(outRefundNo, status, this.now());
    const summary = { SUCCESS: '退款成功', ABNORMAL: '退款异常', CLOSED: '退款关闭' }[status];
    const notify = this.notify(`REFUND.${status}`, summary, 'refund', refundNotifyResource(refund, this.options.mchid));
    return this.issue(notify, deliver ? refund.notifyUrl : null);
  }

  private notify(eventType: string, summary: string, originalType: string, resource: object): SignedNotify {
    const nonce = randomNonce(12);
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: toWechatTime(this.now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: {
        original_type: originalType,
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: aesGcmEncrypt(JSON.stringify(resource), this.options.apiV3Key, nonce, originalType),
        associated_data: originalType,
        nonce,
      },
    });
    return { headers: { ...wechatpaySignatureHeaders(body, this.signer, this.now()), 'Content-Type': 'application/json' }, body };
  }

  private async issue(notify: SignedNotify, notifyUrl: string | null): Promise<IssuedNotify> {
    if (notifyUrl === null) return { ...notify, deliveryStatus: null };
    const response = await (this.options.fetch ?? fetch)(notifyUrl, { method: 'POST', headers: notify.headers, body: notify.body });
    await response.arrayBuffer();
    return { ...notify, deliveryStatus: response.status };
  }
}

function readBody<T extends TSchema>(schema: T, body: string): Static<T> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new WechatPayApiError(400, 'PARAM_ERROR', '请求体不是合法的JSON');
  }
  if (!Value.Check(schema, value)) throw new WechatPayApiError(400, 'PARAM_ERROR', firstViolation(schema, value) ?? '参数错误');
  return value;
}

function refundNotifyResource(refund: FakeRefund, mchid: string): RefundNotifyResource {
  const { status } = refund;
  if (status === 'PROCESSING') throw new Error('fake WeChat Pay: a PROCESSING refund sends no notify');
  return {
    mchid,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: status,
    ...(refund.successTime ? { success_time: toWechatTime(refund.successTime) } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: refund.total, refund: refund.refund, payer_total: refund.total, payer_refund: refund.refund },
  };
}
