import { PaymentProviderError, type PrepayInput } from '../payment-provider';
import { generateKeyPair, loadPublicKey, signingMessage, verifyRsaSha256 } from './crypto';
import type { FakeWechatPayServer } from './fake-wechatpay-server';
import { WechatPayProvider } from './wechatpay-provider';
import { createWechatPayTestKit, uniqueNo } from './wechatpay-test-kit';

const kit = createWechatPayTestKit();
const start = kit.clock.now;
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

function order(overrides: Partial<PrepayInput> = {}): PrepayInput {
  return {
    outTradeNo: uniqueNo('LL'),
    description: '邻里小铺-有机苹果',
    amount: 2990,
    payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    expiresAt: new Date(start.getTime() + 15 * 60_000),
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<PaymentProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PaymentProviderError)) throw new Error(`expected a PaymentProviderError, got ${String(error)}`);
  return error;
}

async function paidOrder(amount = 2990): Promise<PrepayInput> {
  const input = order({ amount });
  await provider.prepay(input);
  await fake.pay(input.outTradeNo);
  return input;
}

describe('prepay', () => {
  it('returns the prepay_id and requestPayment params whose paySign verifies with the merchant public key', async () => {
    const { prepayId, requestPayment } = await provider.prepay(order());

    expect(prepayId).toMatch(/^wx\d+/);
    expect(requestPayment.package).toBe(`prepay_id=${prepayId}`);
    expect(requestPayment.signType).toBe('RSA');
    expect(requestPayment.timeStamp).toBe(String(start.getTime() / 1000));
    const message = signingMessage(kit.appid, requestPayment.timeStamp, requestPayment.nonceStr, requestPayment.package);
    expect(verifyRsaSha256(message, requestPayment.paySign, loadPublicKey(kit.merchant.publicKeyPem))).toBe(true);
  });

  it('sends the documented JSAPI body, with time_expire in Beijing time', async () => {
    const input = order({ expiresAt: new Date('2025-06-01T04:15:00Z') });
    await provider.prepay(input);

    const sent = fake.requests.at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/v3/pay/transactions/jsapi');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      appid: kit.appid,
      mchid: kit.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: '2025-06-01T12:15:00+08:00',
      notify_url: 'https://shop.example.com/api/payments/notify',
      amount: { total: 2990, currency: 'CNY' },
      payer: { openid: input.payerOpenid },
    });
  });

  it('fails with INVALID_REQUEST when an out_trade_no is reused with a different amount', async () => {
    const input = order();
    await provider.prepay(input);

    const error = await rejection(provider.prepay({ ...input, amount: input.amount + 1 }));
    expect([error.status, error.code]).toEqual([400, 'INVALID_REQUEST']);
    expect(error.retryable).toBe(false);
  });

  it('returns the same prepay_id when the identical prepay is repeated', async () => {
    const input = order();
    const first = await provider.prepay(input);
    const again = await provider.prepay(input);
    expect(again.prepayId).toBe(first.prepayId);
  });
});

describe('queryPayment', () => {
  it('reports an unpaid transaction as NOTPAY without transaction id, amount or payer', async () => {
    const input = order();
    await provider.prepay(input);

    expect(await provider.queryPayment(input.outTradeNo)).toEqual({
      outTradeNo: input.outTradeNo,
      tradeState: 'NOTPAY',
      transactionId: null,
      amount: null,
      payerOpenid: null,
      successTime: null,
    });
  });

  it('reports a paid transaction as SUCCESS with its transaction id, amount, payer and time', async () => {
    const input = await paidOrder(4500);

    const query = await provider.queryPayment(input.outTradeNo);
    expect(query).toMatchObject({ tradeState: 'SUCCESS', amount: 4500, payerOpenid: input.payerOpenid, successTime: start });
    expect(query.transactionId).toMatch(/^4200\d{24}$/);
  });

  it('turns 404 ORDER_NOT_EXIST into a non-retryable PaymentProviderError', async () => {
    const error = await rejection(provider.queryPayment(uniqueNo('NONE')));
    expect([error.status, error.code, error.retryable]).toEqual([404, 'ORDER_NOT_EXIST', false]);
  });
});

describe('closePayment', () => {
  it('closes an unpaid transaction, and closing it again still succeeds', async () => {
    const input = order();
    await provider.prepay(input);

    await provider.closePayment(input.outTradeNo);
    await provider.closePayment(input.outTradeNo);

    expect((await provider.queryPayment(input.outTradeNo)).tradeState).toBe('CLOSED');
  });

  it('refuses to close a paid transaction with ORDERPAID', async () => {
    const input = await paidOrder();
    const error = await rejection(provider.closePayment(input.outTradeNo));
    expect([error.status, error.code]).toEqual([400, 'ORDERPAID']);
  });
});

describe('refunds', () => {
  it('answers PROCESSING, then SUCCESS once WeChat completes it, and the transaction turns REFUND', async () => {
    const input = await paidOrder(3000);
    const outRefundNo = uniqueNo('RF');

    const refund = await provider.refund({ outTradeNo: input.outTradeNo, outRefundNo, refundAmount: 1000, totalAmount: 3000, reason: '不想要了' });
    expect(refund).toMatchObject({ outRefundNo, status: 'PROCESSING' });
    expect(await provider.queryRefund(outRefundNo)).toEqual(refund);

    await fake.completeRefund(outRefundNo);
    expect(await provider.queryRefund(outRefundNo)).toEqual({ ...refund, status: 'SUCCESS' });
    expect((await provider.queryPayment(input.outTradeNo)).tradeState).toBe('REFUND');
  });

  it('sends the documented refund body with the notify_url', async () => {
    const input = await paidOrder(3000);
    const outRefundNo = uniqueNo('RF');
    await provider.refund({ outTradeNo: input.outTradeNo, outRefundNo, refundAmount: 3000, totalAmount: 3000, reason: '拼团失败' });

    expect(JSON.parse(fake.requests.at(-1)?.body ?? '')).toEqual({
      out_trade_no: input.outTradeNo,
      out_refund_no: outRefundNo,
      reason: '拼团失败',
      notify_url: 'https://shop.example.com/api/payments/notify',
      amount: { refund: 3000, total: 3000, currency: 'CNY' },
    });
  });

  it('returns the same refund when the same out_refund_no is sent again', async () => {
    const input = await paidOrder(3000);
    const request = { outTradeNo: input.outTradeNo, outRefundNo: uniqueNo('RF'), refundAmount: 1000, totalAmount: 3000, reason: '' };

    const first = await provider.refund(request);
    const again = await provider.refund(request);
    expect(again.refundId).toBe(first.refundId);
  });

  it('rejects refunds beyond the refundable amount with INVALID_REQUEST', async () => {
    const input = await paidOrder(3000);
    await provider.refund({ outTradeNo: input.outTradeNo, outRefundNo: uniqueNo('RF'), refundAmount: 2000, totalAmount: 3000, reason: '' });

    const error = await rejection(
      provider.refund({ outTradeNo: input.outTradeNo, outRefundNo: uniqueNo('RF'), refundAmount: 1001, totalAmount: 3000, reason: '' }),
    );
    expect([error.status, error.code]).toEqual([400, 'INVALID_REQUEST']);
  });

  it('turns an unknown refund into 404 RESOURCE_NOT_EXISTS', async () => {
    const error = await rejection(provider.queryRefund(uniqueNo('NONE')));
    expect([error.status, error.code]).toEqual([404, 'RESOURCE_NOT_EXISTS']);
  });
});

describe('request signing and response verification', () => {
  it('gets 401 SIGN_ERROR when requests are signed with a key WeChat does not know for the serial', async () => {
    const stranger = generateKeyPair();
    const impostor = new WechatPayProvider(kit.configFor(fake, { merchantPrivateKey: stranger.privateKeyPem }), { now: kit.now });

    const error = await rejection(impostor.queryPayment(uniqueNo('LL')));
    expect([error.status, error.code]).toEqual([401, 'SIGN_ERROR']);
  });

  it('rejects an answer whose signature does not verify with the key trusted for its serial', async () => {
    const wrongKey = generateKeyPair().publicKeyPem;
    const deceived = new WechatPayProvider(kit.configFor(fake, { platformPublicKeys: { [fake.platform.serial]: wrongKey } }), { now: kit.now });

    const error = await rejection(deceived.prepay(order()));
    expect([error.code, error.retryable]).toEqual(['RESPONSE_SIGNATURE_INVALID', true]);
  });

  it('rejects an answer signed under a serial it does not trust', async () => {
    const other = new WechatPayProvider(kit.configFor(fake, { platformPublicKeys: { OTHER_SERIAL: kit.platform.publicKeyPem } }), { now: kit.now });

    const error = await rejection(other.prepay(order()));
    expect(error.code).toBe('RESPONSE_SIGNATURE_INVALID');
    expect(error.message).toContain('no WeChat Pay public key for serial');
  });

  it('gets 401 SIGN_ERROR when our clock is more than 5 minutes off WeChat\'s', async () => {
    const late = new WechatPayProvider(kit.configFor(fake), { now: () => new Date(kit.now().getTime() + 6 * 60_000) });

    const error = await rejection(late.queryRefund(uniqueNo('RF')));
    expect([error.status, error.code]).toEqual([401, 'SIGN_ERROR']);
  });

  it('in WeChat Pay public-key mode, names the key id in Wechatpay-Serial and accepts answers signed with it', async () => {
    const publicKeyFake = await kit.startFake({ platform: { ...kit.platform, serial: 'PUB_KEY_ID_0119000091912025060100000000000000' } });
    try {
      const client = new WechatPayProvider(kit.configFor(publicKeyFake), { now: kit.now });
      const { prepayId } = await client.prepay(order());

      expect(prepayId).toMatch(/^wx/);
      expect(publicKeyFake.requests.at(-1)?.headers['wechatpay-serial']).toBe('PUB_KEY_ID_0119000091912025060100000000000000');
    } finally {
      await publicKeyFake.close();
    }
  });
});

describe('transport failures', () => {
  it('reports a timeout as a retryable TIMEOUT with no status', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const slow = new WechatPayProvider(kit.configFor(fake), { now: kit.now, fetch: hanging, timeoutMs: 10 });

    const error = await rejection(slow.queryPayment(uniqueNo('LL')));
    expect([error.status, error.code, error.retryable]).toEqual([null, 'TIMEOUT', true]);
  });

  it('reports a refused connection as a retryable NETWORK_ERROR', async () => {
    const unreachable: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    const offline = new WechatPayProvider(kit.configFor(fake), { now: kit.now, fetch: unreachable });

    const error = await rejection(offline.closePayment(uniqueNo('LL')));
    expect([error.status, error.code, error.retryable]).toEqual([null, 'NETWORK_ERROR', true]);
  });
});
