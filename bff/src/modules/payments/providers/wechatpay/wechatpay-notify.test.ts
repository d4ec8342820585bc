import { NotifyRejectedError, type NotifyRejectionReason } from '../payment-provider';
import { loadPrivateKey } from './crypto';
import type { FakeWechatPayServer, SignedNotify } from './fake-wechatpay-server';
import { WechatPayProvider } from './wechatpay-provider';
import { wechatpaySignatureHeaders } from './wechatpay-signature';
import { createWechatPayTestKit, uniqueNo } from './wechatpay-test-kit';

const kit = createWechatPayTestKit();
const start = kit.clock.now;
const platformSigner = { serial: kit.platform.serial, privateKey: loadPrivateKey(kit.platform.privateKeyPem) };
let fake: FakeWechatPayServer;
let provider: WechatPayProvider;

beforeAll(async () => {
  fake = await kit.startFake();
  provider = new WechatPayProvider(kit.configFor(fake), { now: kit.now });
});

afterAll(() => fake.close());

beforeEach(() => {
  kit.clock.now = start;
});

async function paymentNotify(amount = 2990): Promise<{ outTradeNo: string; notify: SignedNotify }> {
  const outTradeNo = uniqueNo('LL');
  await provider.prepay({
    outTradeNo,
    description: '邻里小铺-有机苹果',
    amount,
    payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    expiresAt: new Date(start.getTime() + 15 * 60_000),
  });
  return { outTradeNo, notify: await fake.pay(outTradeNo) };
}

async function rejectionReason(promise: Promise<unknown>): Promise<NotifyRejectionReason> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof NotifyRejectedError)) throw new Error(`expected a NotifyRejectedError, got ${String(error)}`);
  return error.reason;
}

/** The same notify body edited, and signed again with the genuine platform key. */
function resigned(notify: SignedNotify, edit: (envelope: { resource: { ciphertext: string } }) => void): SignedNotify {
  const envelope = JSON.parse(notify.body) as { resource: { ciphertext: string } };
  edit(envelope);
  const body = JSON.stringify(envelope);
  return { headers: wechatpaySignatureHeaders(body, platformSigner, kit.now()), body };
}

describe('payment notifies', () => {
  it('accepts a genuine notify and reports the transaction as WeChat sent it', async () => {
    const { outTradeNo, notify } = await paymentNotify(4590);
    const query = await provider.queryPayment(outTradeNo);

    const notice = await provider.verifyNotify(notify.headers, notify.body);

    expect(notice).toEqual({
      kind: 'payment',
      outTradeNo,
      transactionId: query.transactionId,
      amount: 4590,
      payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      tradeState: 'SUCCESS',
      successTime: start,
      notifyId: (JSON.parse(notify.body) as { id: string }).id,
    });
  });

  it('accepts headers in lower case, as Fastify hands them over', async () => {
    const { notify } = await paymentNotify();
    const lowerCased = Object.fromEntries(Object.entries(notify.headers).map(([k, v]) => [k.toLowerCase(), v]));

    expect((await provider.verifyNotify(lowerCased, notify.body)).kind).toBe('payment');
  });

  it('rejects a notify whose body differs from the signed one by a single byte', async () => {
    const { notify } = await paymentNotify();
    const at = Math.floor(notify.body.length / 2);
    const flipped = `${notify.body.slice(0, at)}${String.fromCharCode(notify.body.charCodeAt(at) ^ 0x01)}${notify.body.slice(at + 1)}`;
    expect(flipped).toHaveLength(notify.body.length);
    expect(flipped).not.toBe(notify.body);

    expect(await rejectionReason(provider.verifyNotify(notify.headers, flipped))).toBe('BAD_SIGNATURE');
  });

  it('rejects a notify whose signature was made for another body', async () => {
    const first = await paymentNotify();
    const second = await paymentNotify();

    expect(await rejectionReason(provider.verifyNotify(first.notify.headers, second.notify.body))).toBe('BAD_SIGNATURE');
  });

  it('rejects a notify signed under a serial we do not trust', async () => {
    const { notify } = await paymentNotify();
    const headers = { ...notify.headers, 'Wechatpay-Serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' };

    expect(await rejectionReason(provider.verifyNotify(headers, notify.body))).toBe('UNKNOWN_SERIAL');
  });

  it('rejects a notify whose timestamp is more than 5 minutes old', async () => {
    const { notify } = await paymentNotify();
    kit.clock.now = new Date(start.getTime() + 6 * 60_000);

    expect(await rejectionReason(provider.verifyNotify(notify.headers, notify.body))).toBe('STALE_TIMESTAMP');
  });

  it('rejects a notify whose timestamp is more than 5 minutes in the future', async () => {
    const { notify } = await paymentNotify();
    kit.clock.now = new Date(start.getTime() - 6 * 60_000);

    expect(await rejectionReason(provider.verifyNotify(notify.headers, notify.body))).toBe('STALE_TIMESTAMP');
  });

  it('accepts a notify 4 minutes old', async () => {
    const { notify } = await paymentNotify();
    kit.clock.now = new Date(start.getTime() + 4 * 60_000);

    expect((await provider.verifyNotify(notify.headers, notify.body)).kind).toBe('payment');
  });

  it('rejects a genuine notify meant for another merchant', async () => {
    const { notify } = await paymentNotify();
    const otherMerchant = new WechatPayProvider(kit.configFor(fake, { mchid: '1900000002' }), { now: kit.now });

    expect(await rejectionReason(otherMerchant.verifyNotify(notify.headers, notify.body))).toBe('MERCHANT_MISMATCH');
  });

  it('rejects a genuine notify meant for another app of the same merchant', async () => {
    const { notify } = await paymentNotify();
    const otherApp = new WechatPayProvider(kit.configFor(fake, { appid: 'wx0000000000000002' }), { now: kit.now });

    expect(await rejectionReason(otherApp.verifyNotify(notify.headers, notify.body))).toBe('MERCHANT_MISMATCH');
  });

  it('rejects a correctly signed notify whose ciphertext was tampered with', async () => {
    const { notify } = await paymentNotify();
    const tampered = resigned(notify, (envelope) => {
      const bytes = Buffer.from(envelope.resource.ciphertext, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      envelope.resource.ciphertext = bytes.toString('base64');
    });

    expect(await rejectionReason(provider.verifyNotify(tampered.headers, tampered.body))).toBe('BAD_RESOURCE');
  });

  it('rejects a notify encrypted with another APIv3 key', async () => {
    const { notify } = await paymentNotify();
    const otherKey = new WechatPayProvider(kit.configFor(fake, { apiV3Key: 'b'.repeat(32) }), { now: kit.now });

    expect(await rejectionReason(otherKey.verifyNotify(notify.headers, notify.body))).toBe('BAD_RESOURCE');
  });

  it('rejects a notify without the Wechatpay signature headers', async () => {
    const { notify } = await paymentNotify();

    expect(await rejectionReason(provider.verifyNotify({ 'content-type': 'application/json' }, notify.body))).toBe('MALFORMED');
  });

  it('rejects a correctly signed body that is not a WeChat Pay notify', async () => {
    const body = '{"hello":"world"}';

    expect(await rejectionReason(provider.verifyNotify(wechatpaySignatureHeaders(body, platformSigner, kit.now()), body))).toBe('MALFORMED');
  });
});

describe('refund notifies', () => {
  async function pendingRefund(): Promise<{ outTradeNo: string; outRefundNo: string; refundId: string }> {
    const { outTradeNo } = await paymentNotify(3000);
    const outRefundNo = uniqueNo('RF');
    const { refundId } = await provider.refund({ outTradeNo, outRefundNo, refundAmount: 1200, totalAmount: 3000, reason: '少发一件' });
    return { outTradeNo, outRefundNo, refundId };
  }

  it('maps REFUND.SUCCESS to a refund notice', async () => {
    const { outTradeNo, outRefundNo, refundId } = await pendingRefund();
    const notify = await fake.completeRefund(outRefundNo);

    expect(await provider.verifyNotify(notify.headers, notify.body)).toEqual({
      kind: 'refund',
      outTradeNo,
      outRefundNo,
      refundId,
      refundAmount: 1200,
      status: 'SUCCESS',
      successTime: start,
      notifyId: (JSON.parse(notify.body) as { id: string }).id,
    });
  });

  it('maps REFUND.ABNORMAL to a refund notice with status ABNORMAL and no success time', async () => {
    const { outRefundNo } = await pendingRefund();
    const notify = await fake.completeRefund(outRefundNo, { status: 'ABNORMAL' });

    expect(await provider.verifyNotify(notify.headers, notify.body)).toMatchObject({ kind: 'refund', outRefundNo, status: 'ABNORMAL', successTime: null });
  });

  it('checks the mchid of a refund notify, which carries no appid', async () => {
    const { outRefundNo } = await pendingRefund();
    const notify = await fake.completeRefund(outRefundNo);
    const otherApp = new WechatPayProvider(kit.configFor(fake, { appid: 'wx0000000000000002' }), { now: kit.now });
    const otherMerchant = new WechatPayProvider(kit.configFor(fake, { mchid: '1900000002' }), { now: kit.now });

    expect((await otherApp.verifyNotify(notify.headers, notify.body)).kind).toBe('refund');
    expect(await rejectionReason(otherMerchant.verifyNotify(notify.headers, notify.body))).toBe('MERCHANT_MISMATCH');
  });
});
