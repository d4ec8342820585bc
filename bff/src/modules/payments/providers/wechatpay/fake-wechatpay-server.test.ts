import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildAuthorization } from './authorization';
import { loadPrivateKey } from './crypto';
import type { FakeWechatPayServer } from './fake-wechatpay-server';
import { WechatPayProvider } from './wechatpay-provider';
import { createWechatPayTestKit, uniqueNo } from './wechatpay-test-kit';

const kit = createWechatPayTestKit();
const start = kit.clock.now;
const merchantKey = loadPrivateKey(kit.merchant.privateKeyPem);
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

/** A request signed correctly by the merchant, so the fake's answer is about the body alone. */
async function signedPost(path: string, body: object): Promise<{ status: number; json: unknown }> {
  const text = JSON.stringify(body);
  const authorization = buildAuthorization({
    mchid: kit.mchid,
    serialNo: kit.merchant.serial,
    privateKey: merchantKey,
    method: 'POST',
    pathWithQuery: path,
    body: text,
    now: kit.now(),
  });
  const response = await fetch(`${fake.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: text,
  });
  return { status: response.status, json: await response.json() };
}

function jsapiBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appid: kit.appid,
    mchid: kit.mchid,
    description: '邻里小铺-有机苹果',
    out_trade_no: uniqueNo('LL'),
    notify_url: 'https://shop.example.com/api/payments/notify',
    amount: { total: 100, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    ...overrides,
  };
}

/** A notify receiver on loopback that records what arrives. */
async function notifyReceiver(): Promise<{ url: string; received: { headers: IncomingHttpHeaders; body: string }[]; close: () => Promise<void> }> {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/notify`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the fake WeChat Pay API', () => {
  it('answers 401 SIGN_ERROR to a request without an Authorization header', async () => {
    const response = await fetch(`${fake.baseUrl}/v3/pay/transactions/jsapi`, { method: 'POST', body: JSON.stringify(jsapiBody()) });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'SIGN_ERROR' });
  });

  it('answers 401 SIGN_ERROR when the signed body is not the body sent', async () => {
    const authorization = buildAuthorization({
      mchid: kit.mchid,
      serialNo: kit.merchant.serial,
      privateKey: merchantKey,
      method: 'POST',
      pathWithQuery: '/v3/pay/transactions/jsapi',
      body: JSON.stringify(jsapiBody({ amount: { total: 1, currency: 'CNY' } })),
      now: kit.now(),
    });
    const response = await fetch(`${fake.baseUrl}/v3/pay/transactions/jsapi`, {
      method: 'POST',
      headers: { Authorization: authorization },
      body: JSON.stringify(jsapiBody()),
    });

    expect(response.status).toBe(401);
  });

  it('answers 400 PARAM_ERROR to a prepay without payer', async () => {
    const { payer: _payer, ...withoutPayer } = jsapiBody();
    const { status, json } = await signedPost('/v3/pay/transactions/jsapi', withoutPayer);

    expect(status).toBe(400);
    expect(json).toMatchObject({ code: 'PARAM_ERROR' });
  });

  it('answers 400 APPID_MCHID_NOT_MATCH to a prepay for an appid not bound to the merchant', async () => {
    const { status, json } = await signedPost('/v3/pay/transactions/jsapi', jsapiBody({ appid: 'wx0000000000000002' }));

    expect(status).toBe(400);
    expect(json).toMatchObject({ code: 'APPID_MCHID_NOT_MATCH' });
  });

  it('answers 404 NOT_FOUND on an API it does not have', async () => {
    const { status, json } = await signedPost('/v3/pay/transactions/native', jsapiBody());

    expect(status).toBe(404);
    expect(json).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the fake shopper and back office', () => {
  it('posts the payment notify to the notify_url given at prepay when asked to deliver', async () => {
    const receiver = await notifyReceiver();
    try {
      const client = new WechatPayProvider(kit.configFor(fake, { notifyUrl: receiver.url }), { now: kit.now });
      const outTradeNo = uniqueNo('LL');
      await client.prepay({ outTradeNo, description: '苹果', amount: 990, payerOpenid: 'o-shopper', expiresAt: new Date(start.getTime() + 900_000) });

      const notify = await fake.pay(outTradeNo, { deliver: true });

      expect(notify.deliveryStatus).toBe(204);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.body).toBe(notify.body);
      expect(receiver.received[0]?.headers['wechatpay-signature']).toBe(notify.headers['Wechatpay-Signature']);
      expect(await client.verifyNotify(receiver.received[0]?.headers ?? {}, receiver.received[0]?.body ?? '')).toMatchObject({ outTradeNo, amount: 990 });
    } finally {
      await receiver.close();
    }
  });

  it('does not let the shopper pay a closed transaction', async () => {
    const outTradeNo = uniqueNo('LL');
    await provider.prepay({ outTradeNo, description: '苹果', amount: 990, payerOpenid: 'o-shopper', expiresAt: new Date(start.getTime() + 900_000) });
    await provider.closePayment(outTradeNo);

    await expect(fake.pay(outTradeNo)).rejects.toThrow('is CLOSED');
  });

  it('does not let the shopper pay after time_expire', async () => {
    const outTradeNo = uniqueNo('LL');
    await provider.prepay({ outTradeNo, description: '苹果', amount: 990, payerOpenid: 'o-shopper', expiresAt: new Date(start.getTime() + 900_000) });
    kit.clock.now = new Date(start.getTime() + 901_000);

    await expect(fake.pay(outTradeNo)).rejects.toThrow('expired');
  });

  it('completes refunds at once when configured to', async () => {
    const immediate = await kit.startFake({ refundsCompleteImmediately: true });
    try {
      const client = new WechatPayProvider(kit.configFor(immediate), { now: kit.now });
      const outTradeNo = uniqueNo('LL');
      await client.prepay({ outTradeNo, description: '苹果', amount: 990, payerOpenid: 'o-shopper', expiresAt: new Date(start.getTime() + 900_000) });
      await immediate.pay(outTradeNo);

      const refund = await client.refund({ outTradeNo, outRefundNo: uniqueNo('RF'), refundAmount: 990, totalAmount: 990, reason: '' });

      expect(refund.status).toBe('SUCCESS');
    } finally {
      await immediate.close();
    }
  });
});
