import { PNG } from 'pngjs';
import { startFakeWechat, type FakeWechat } from './fake-wechat-server';

// The fake's own rules, spoken to in WeChat's wire format; the client's view is in wechat-http-client.test.ts.
const APPID = 'wx0123456789abcdef';
const SECRET = 'test-appsecret-4f1c9e7a2b6d8e0f';

let clock: number;
let fake: FakeWechat;

beforeEach(async () => {
  clock = Date.UTC(2025, 0, 1, 8, 0, 0);
  fake = await startFakeWechat({ appid: APPID, secret: SECRET, now: () => clock });
});

afterEach(async () => {
  await fake.close();
});

type Json = Record<string, unknown>;

async function get(path: string, query: Record<string, string>): Promise<Json> {
  const res = await fetch(`${fake.baseUrl}${path}?${new URLSearchParams(query)}`);
  return (await res.json()) as Json;
}

async function post(path: string, query: Record<string, string>, body: unknown): Promise<Response> {
  return fetch(`${fake.baseUrl}${path}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function postJson(path: string, query: Record<string, string>, body: unknown): Promise<Json> {
  return (await (await post(path, query, body)).json()) as Json;
}

async function stableToken(forceRefresh = false): Promise<string> {
  const answer = await postJson('/cgi-bin/stable_token', {}, { grant_type: 'client_credential', appid: APPID, secret: SECRET, force_refresh: forceRefresh });
  if (typeof answer['access_token'] !== 'string') throw new Error(`no token: ${JSON.stringify(answer)}`);
  return answer['access_token'];
}

async function phoneWith(token: string): Promise<Json> {
  return postJson('/wxa/business/getuserphonenumber', { access_token: token }, { code: fake.issuePhoneCode('13800138000') });
}

async function wxacode(body: unknown): Promise<Response> {
  return post('/wxa/getwxacodeunlimit', { access_token: await stableToken() }, body);
}

describe('login (jscode2session)', () => {
  it('answers with openid and session_key but no errcode, as the live API does', async () => {
    const answer = await get('/sns/jscode2session', {
      appid: APPID, secret: SECRET, js_code: fake.issueLoginCode('o-alice'), grant_type: 'authorization_code',
    });

    expect(Object.keys(answer).sort()).toEqual(['openid', 'session_key']);
  });

  it('does not spend a code on a call refused by the minute quota', async () => {
    const code = fake.issueLoginCode('o-alice');
    const query = { appid: APPID, secret: SECRET, js_code: code, grant_type: 'authorization_code' };
    fake.setRateLimit(0);
    const refused = await get('/sns/jscode2session', query);
    fake.setRateLimit(null);

    const answer = await get('/sns/jscode2session', query);

    expect(refused['errcode']).toBe(45011);
    expect(answer['openid']).toBe('o-alice');
  });

  it('refuses POST on a GET API with 43001', async () => {
    const answer = await (await post('/sns/jscode2session', { appid: APPID }, {})).json();

    expect(answer).toMatchObject({ errcode: 43001 });
  });

  it('adds a request id to errmsg, as WeChat does', async () => {
    const answer = await get('/sns/jscode2session', { appid: APPID, secret: SECRET, js_code: 'nope', grant_type: 'authorization_code' });

    expect(answer['errmsg']).toMatch(/^invalid code, rid: [0-9a-f]+$/);
  });
});

describe('access tokens', () => {
  it('issues a classic token from /cgi-bin/token with expires_in 7200', async () => {
    const answer = await get('/cgi-bin/token', { grant_type: 'client_credential', appid: APPID, secret: SECRET });

    expect(answer).toEqual({ access_token: expect.any(String), expires_in: 7200 });
  });

  it('refuses a wrong AppID with 40013 and a wrong AppSecret with 40125 on both token APIs', async () => {
    const codes = [
      (await get('/cgi-bin/token', { grant_type: 'client_credential', appid: 'wx-other', secret: SECRET }))['errcode'],
      (await get('/cgi-bin/token', { grant_type: 'client_credential', appid: APPID, secret: 'wrong' }))['errcode'],
      (await postJson('/cgi-bin/stable_token', {}, { grant_type: 'client_credential', appid: 'wx-other', secret: SECRET }))['errcode'],
      (await postJson('/cgi-bin/stable_token', {}, { grant_type: 'client_credential', appid: APPID, secret: 'wrong' }))['errcode'],
    ];

    expect(codes).toEqual([40013, 40125, 40013, 40125]);
  });

  it('keeps a replaced classic token working for five minutes, then answers 40001', async () => {
    const query = { grant_type: 'client_credential', appid: APPID, secret: SECRET };
    const old = String((await get('/cgi-bin/token', query))['access_token']);
    await get('/cgi-bin/token', query);
    const during = await phoneWith(old);
    clock += 5 * 60_000;

    const after = await phoneWith(old);

    expect(during['errcode']).toBe(0);
    expect(after['errcode']).toBe(40001);
  });

  it('returns the same stable token while it is valid', async () => {
    expect(await stableToken()).toBe(await stableToken());
  });

  it('replaces the stable token on force_refresh, and the old one then answers 40001', async () => {
    const old = await stableToken();
    const fresh = await stableToken(true);

    expect(fresh).not.toBe(old);
    expect((await phoneWith(old))['errcode']).toBe(40001);
  });

  it('answers 42001 for a token past its expires_in', async () => {
    const token = await stableToken();
    clock += 7200 * 1000;

    expect((await phoneWith(token))['errcode']).toBe(42001);
  });

  it('answers 41001 when access_token is missing', async () => {
    const answer = await postJson('/wxa/business/getuserphonenumber', {}, { code: fake.issuePhoneCode('13800138000') });

    expect(answer['errcode']).toBe(41001);
  });

  it('refuses a stable_token body that is not JSON with 47001', async () => {
    const answer = await postJson('/cgi-bin/stable_token', {}, 'grant_type=client_credential');

    expect(answer['errcode']).toBe(47001);
  });
});

describe('phone numbers (getuserphonenumber)', () => {
  it('answers with phone_info and a watermark naming the app', async () => {
    const answer = await phoneWith(await stableToken());

    expect(answer).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13800138000',
        purePhoneNumber: '13800138000',
        countryCode: '86',
        watermark: { timestamp: Math.floor(clock / 1000), appid: APPID },
      },
    });
  });

  it('puts the country code in front of a number from outside mainland China', async () => {
    const code = fake.issuePhoneCode('61234567', { countryCode: '852' });

    const answer = await postJson('/wxa/business/getuserphonenumber', { access_token: await stableToken() }, { code });

    expect(answer['phone_info']).toMatchObject({ phoneNumber: '+85261234567', purePhoneNumber: '61234567', countryCode: '852' });
  });
});

describe('mini-program codes (getwxacodeunlimit)', () => {
  it('draws the same image for the same scene and a different one for another scene', async () => {
    const first = Buffer.from(await (await wxacode({ scene: 'g=ABC123' })).arrayBuffer());
    const again = Buffer.from(await (await wxacode({ scene: 'g=ABC123' })).arrayBuffer());
    const other = Buffer.from(await (await wxacode({ scene: 'g=XYZ789' })).arrayBuffer());

    expect(first.equals(again)).toBe(true);
    expect(first.equals(other)).toBe(false);
  });

  it('labels the image image/png', async () => {
    const res = await wxacode({ scene: 'g=ABC123' });

    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('keeps the width within 280–1280 px', async () => {
    const image = Buffer.from(await (await wxacode({ scene: 'g=ABC123', width: 5000 })).arrayBuffer());

    expect(PNG.sync.read(image).width).toBe(1280);
  });

  it('answers a JSON errcode body for a scene longer than 32 characters', async () => {
    const res = await wxacode({ scene: 'x'.repeat(33) });

    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ errcode: 40169 });
  });

  it('refuses a scene with characters outside the documented set with 40129', async () => {
    const answer = await (await wxacode({ scene: '邀请=1' })).json();

    expect(answer).toMatchObject({ errcode: 40129 });
  });

  it('refuses a page with a leading slash or a query with 41030', async () => {
    const slash = await (await wxacode({ scene: 'g=1', page: '/pages/index/index' })).json();
    const query = await (await wxacode({ scene: 'g=1', page: 'pages/index/index?g=1' })).json();

    expect([slash, query]).toMatchObject([{ errcode: 41030 }, { errcode: 41030 }]);
  });

  it('refuses an unknown env_version with 40097', async () => {
    const answer = await (await wxacode({ scene: 'g=1', env_version: 'beta' })).json();

    expect(answer).toMatchObject({ errcode: 40097 });
  });

  it('answers 45009 once the minute quota is spent', async () => {
    fake.setRateLimit(1);
    await wxacode({ scene: 'g=1' });

    const answer = await (await wxacode({ scene: 'g=2' })).json();

    expect(answer).toMatchObject({ errcode: 45009 });
  });
});
