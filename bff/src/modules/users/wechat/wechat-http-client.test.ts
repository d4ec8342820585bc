import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { PNG } from 'pngjs';
import { startFakeWechat, type FakeWechat } from './fake-wechat-server';
import { WechatApiError, type WechatApi } from './wechat-api';
import { createWechatHttpClient } from './wechat-http-client';

const APPID = 'wx0123456789abcdef';
// Test-only credential; the point of several tests is that it never shows up in an error.
const SECRET = 'test-appsecret-4f1c9e7a2b6d8e0f';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let clock: number;
let fake: FakeWechat;
let requests: string[];

/** Global fetch, recording the path of every request the client makes. */
const recordingFetch: typeof fetch = (input, init) => {
  requests.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
  return fetch(input, init);
};

function client(overrides: { secret?: string; appid?: string; baseUrl?: string } = {}): WechatApi {
  return createWechatHttpClient({
    appid: overrides.appid ?? APPID,
    secret: overrides.secret ?? SECRET,
    baseUrl: overrides.baseUrl ?? fake.baseUrl,
    fetch: recordingFetch,
    timeoutMs: 5000,
    now: () => clock,
  });
}

function countOf(path: string): number {
  return requests.filter((p) => p === path).length;
}

async function failure(promise: Promise<unknown>): Promise<WechatApiError> {
  const err: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof WechatApiError)) throw new Error(`expected a WechatApiError, got ${String(err)}`);
  return err;
}

beforeEach(async () => {
  clock = Date.UTC(2025, 0, 1, 8, 0, 0);
  requests = [];
  fake = await startFakeWechat({ appid: APPID, secret: SECRET, now: () => clock });
});

afterEach(async () => {
  await fake.close();
});

describe('code2Session', () => {
  it('returns the openid, unionid and session key for a fresh login code', async () => {
    const code = fake.issueLoginCode('o-alice', { unionid: 'u-alice' });

    const session = await client().code2Session(code);

    expect(session.openid).toBe('o-alice');
    expect(session.unionid).toBe('u-alice');
    expect(Buffer.from(session.sessionKey, 'base64')).toHaveLength(16);
  });

  it('gives a null unionid when WeChat sends none', async () => {
    const session = await client().code2Session(fake.issueLoginCode('o-bob'));

    expect(session.unionid).toBeNull();
  });

  it('rejects an unknown code with 40029', async () => {
    const err = await failure(client().code2Session('not-a-code'));

    expect(err.errcode).toBe(40029);
  });

  it('rejects a code after its five minutes with 40029', async () => {
    const code = fake.issueLoginCode('o-alice');
    clock += 5 * 60_000;

    const err = await failure(client().code2Session(code));

    expect(err.errcode).toBe(40029);
  });

  it('rejects a code used a second time with 40163', async () => {
    const api = client();
    const code = fake.issueLoginCode('o-alice');
    await api.code2Session(code);

    const err = await failure(api.code2Session(code));

    expect(err.errcode).toBe(40163);
  });

  it('answers 45011 once the minute quota is spent', async () => {
    const api = client();
    fake.setRateLimit(2);
    await api.code2Session(fake.issueLoginCode('o-1'));
    await api.code2Session(fake.issueLoginCode('o-2'));

    const err = await failure(api.code2Session(fake.issueLoginCode('o-3')));

    expect(err.errcode).toBe(45011);
  });

  it('refuses a high-risk user with 40226', async () => {
    fake.markRisky('o-mallory');

    const err = await failure(client().code2Session(fake.issueLoginCode('o-mallory')));

    expect(err.errcode).toBe(40226);
  });

  it('rejects a wrong AppID with 40013 and a wrong AppSecret with 40125', async () => {
    const wrongAppid = await failure(client({ appid: 'wx-someone-else' }).code2Session(fake.issueLoginCode('o-1')));
    const wrongSecret = await failure(client({ secret: 'wrong-secret' }).code2Session(fake.issueLoginCode('o-1')));

    expect([wrongAppid.errcode, wrongSecret.errcode]).toEqual([40013, 40125]);
  });
});

describe('getPhoneNumber', () => {
  it('returns the number a phone code stands for', async () => {
    const phone = await client().getPhoneNumber(fake.issuePhoneCode('13800138000'));

    expect(phone).toEqual({ phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' });
  });

  it('rejects an unknown phone code with 40029', async () => {
    const err = await failure(client().getPhoneNumber('not-a-phone-code'));

    expect(err.errcode).toBe(40029);
  });

  it('rejects a phone code used a second time with 40029', async () => {
    const api = client();
    const code = fake.issuePhoneCode('13800138000');
    await api.getPhoneNumber(code);

    const err = await failure(api.getPhoneNumber(code));

    expect(err.errcode).toBe(40029);
  });

  it('accepts a numeric countryCode, as in the documented example answer', async () => {
    const stub: typeof fetch = async (input) => {
      const path = new URL(String(input)).pathname;
      const body =
        path === '/cgi-bin/stable_token'
          ? { access_token: 'token', expires_in: 7200 }
          : { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: 86 } };
      return Response.json(body);
    };
    const api = createWechatHttpClient({ appid: APPID, secret: SECRET, baseUrl: 'http://wechat.invalid', fetch: stub });

    const phone = await api.getPhoneNumber('code');

    expect(phone.countryCode).toBe('86');
  });
});

describe('access token', () => {
  it('fetches the token once and reuses it for later calls', async () => {
    const api = client();

    await api.getPhoneNumber(fake.issuePhoneCode('13800138000'));
    await api.getPhoneNumber(fake.issuePhoneCode('13900139000'));
    await api.getUnlimitedCode({ scene: 'g=ABC123' });

    expect(countOf('/cgi-bin/stable_token')).toBe(1);
  });

  it('fetches a token again shortly before the cached one expires', async () => {
    const api = client();
    await api.getPhoneNumber(fake.issuePhoneCode('13800138000'));
    clock += (7200 - 4 * 60) * 1000;

    await api.getPhoneNumber(fake.issuePhoneCode('13900139000'));

    expect(countOf('/cgi-bin/stable_token')).toBe(2);
  });

  it('refreshes the token and retries once when WeChat answers 40001', async () => {
    const api = client();
    await api.getPhoneNumber(fake.issuePhoneCode('13800138000'));
    fake.invalidateAccessTokens();

    const phone = await api.getPhoneNumber(fake.issuePhoneCode('13900139000'));

    expect(phone.purePhoneNumber).toBe('13900139000');
    expect(countOf('/cgi-bin/stable_token')).toBe(2);
    expect(countOf('/wxa/business/getuserphonenumber')).toBe(3);
  });

  it('refreshes the token and retries once when WeChat answers 42001', async () => {
    let wechatClock = clock;
    const ahead = await startFakeWechat({ appid: APPID, secret: SECRET, now: () => wechatClock });
    try {
      const api = client({ baseUrl: ahead.baseUrl });
      await api.getPhoneNumber(ahead.issuePhoneCode('13800138000'));
      wechatClock += 7201 * 1000;

      const phone = await api.getPhoneNumber(ahead.issuePhoneCode('13900139000'));

      expect(phone.purePhoneNumber).toBe('13900139000');
      expect(countOf('/cgi-bin/stable_token')).toBe(2);
    } finally {
      await ahead.close();
    }
  });

  it('retries only once: a second rejected token is reported to the caller', async () => {
    // Tokens that are dead on arrival: every call is refused with 42001.
    const broken = await startFakeWechat({ appid: APPID, secret: SECRET, now: () => clock, tokenTtlSeconds: 0 });
    try {
      const err = await failure(client({ baseUrl: broken.baseUrl }).getPhoneNumber(broken.issuePhoneCode('13800138000')));

      expect(err.errcode).toBe(42001);
      expect(countOf('/wxa/business/getuserphonenumber')).toBe(2);
    } finally {
      await broken.close();
    }
  });

  it('lets concurrent calls share one token fetch', async () => {
    const api = client();
    const codes = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005'].map((p) => fake.issuePhoneCode(p));

    const phones = await Promise.all(codes.map((code) => api.getPhoneNumber(code)));

    expect(phones).toHaveLength(5);
    expect(countOf('/cgi-bin/stable_token')).toBe(1);
  });

  it('does not keep a failed token fetch: the next call asks again', async () => {
    const api = client({ secret: 'wrong-secret' });
    const first = await failure(api.getPhoneNumber(fake.issuePhoneCode('13800138000')));

    await failure(api.getPhoneNumber(fake.issuePhoneCode('13800138000')));

    expect(first.errcode).toBe(40125);
    expect(countOf('/cgi-bin/stable_token')).toBe(2);
  });
});

describe('getUnlimitedCode', () => {
  it('returns the PNG bytes of the mini-program code', async () => {
    const image = await client().getUnlimitedCode({ scene: 'i=K7Q2ZP', page: 'pages/index/index', checkPath: false, envVersion: 'develop' });

    expect(image.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(PNG.sync.read(image).width).toBe(430);
  });

  it('asks for the requested width', async () => {
    const image = await client().getUnlimitedCode({ scene: 'i=K7Q2ZP', width: 280 });

    expect(PNG.sync.read(image).width).toBe(280);
  });

  it('reports 40169 for a scene of 33 characters', async () => {
    const err = await failure(client().getUnlimitedCode({ scene: 'x'.repeat(33) }));

    expect(err.errcode).toBe(40169);
  });
});

describe('secrets stay out of errors and logs', () => {
  function everythingPrintable(err: WechatApiError): string {
    return [err.message, err.stack, inspect(err), JSON.stringify(err)].join('\n');
  }

  it('keeps the AppSecret out of WeChat refusals', async () => {
    const errors = [
      await failure(client({ appid: 'wx-someone-else' }).code2Session(fake.issueLoginCode('o-1'))),
      await failure(client({ secret: `${SECRET}-old` }).getPhoneNumber('code')),
      await failure(client().code2Session('not-a-code')),
    ];

    for (const err of errors) expect(everythingPrintable(err)).not.toContain(SECRET);
  });

  it('keeps the AppSecret out of network failures, whose URL holds it', async () => {
    const closed = await startFakeWechat({ appid: APPID, secret: SECRET });
    await closed.close();

    const err = await failure(client({ baseUrl: closed.baseUrl }).code2Session('any-code'));

    expect(err.errcode).toBe(-1);
    expect(everythingPrintable(err)).not.toContain(SECRET);
  });

  it('keeps the AppSecret out of a timeout', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const api = createWechatHttpClient({ appid: APPID, secret: SECRET, baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 50 });

      const err = await failure(api.code2Session('any-code'));

      expect(err.errmsg).toMatch(/no answer within 50 ms/);
      expect(everythingPrintable(err)).not.toContain(SECRET);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('scrubs the AppSecret even when WeChat echoes it in errmsg', async () => {
    const echoing: typeof fetch = async () => Response.json({ errcode: 40125, errmsg: `invalid appsecret ${SECRET}` });
    const api = createWechatHttpClient({ appid: APPID, secret: SECRET, fetch: echoing });

    const err = await failure(api.code2Session('code'));

    expect(err.errcode).toBe(40125);
    expect(everythingPrintable(err)).not.toContain(SECRET);
  });

  it('reports a malformed answer without the session key it carried', async () => {
    const sessionKey = 'c2Vzc2lvbi1rZXktc2VjcmV0';
    const halfValid: typeof fetch = async () => Response.json({ session_key: sessionKey });
    const api = createWechatHttpClient({ appid: APPID, secret: SECRET, fetch: halfValid });

    const err = await failure(api.code2Session('code'));

    expect(everythingPrintable(err)).not.toContain(sessionKey);
  });

  it('hides the session key when a session is serialised or inspected', async () => {
    const session = await client().code2Session(fake.issueLoginCode('o-alice'));

    expect(JSON.stringify(session)).not.toContain(session.sessionKey);
    expect(inspect(session)).not.toContain(session.sessionKey);
    expect(JSON.stringify(session)).toContain('o-alice');
  });

  it('cuts credentials out of an errmsg that quotes a URL or a body', () => {
    const err = new WechatApiError('code2Session', 40013, 'bad request ?appid=wx1&secret=s3cr3t&js_code=abc {"session_key":"k3y=="}');

    expect(err.message).not.toMatch(/s3cr3t|abc|k3y==/);
    expect(err.errmsg).toContain('appid=wx1');
  });
});
