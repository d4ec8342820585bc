import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { buildApp, type App } from '../../src/app';
import { renderQrPng } from '../../src/modules/referrals/qr-png';
import { renderFakeWxacode } from '../../src/modules/users/wechat/fake-wxacode-png';
import { WechatApiError, type UnlimitedCodeInput, type WechatApi } from '../../src/modules/users/wechat/wechat-api';
import { createShopper } from '../fixtures';
import { buildTestApp, testConfig } from '../helper';
import { captureLog } from '../platform/captured-log';
import { inviteShareOf } from './referral-fixtures';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const forGood = 'public, max-age=31536000, immutable';

function codeOf(target: App, shareId: string) {
  return target.inject({ method: 'GET', url: `/api/shares/${shareId}/code.png` });
}

async function newShare(target: App): Promise<string> {
  const sharer = await createShopper(target);
  return inviteShareOf(target, sharer.headers);
}

/**
 * Reads the QR symbol back from the PNG and checks it is the symbol for `text`, module by module. The
 * symbol's corners are dark (finder patterns), so the dark pixels' bounding box is the symbol itself.
 */
function expectQrSymbolFor(png: Buffer, text: string) {
  const image = PNG.sync.read(png);
  const dark = (x: number, y: number) => (image.data[(y * image.width + x) * 4] ?? 255) < 128;
  let [left, top, right] = [image.width, image.height, -1];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!dark(x, y)) continue;
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x);
    }
  }
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = (right - left + 1) / modules.size;
  const mismatches: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      const isDark = dark(Math.floor(left + (col + 0.5) * cell), Math.floor(top + (row + 0.5) * cell));
      if (isDark !== Boolean(modules.get(row, col))) mismatches.push(`${row},${col}`);
    }
  }
  expect(mismatches).toEqual([]);
}

describe('code.png with the local fake WeChat (dev and tests)', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ PUBLIC_BASE_URL: 'https://shop.example.com' });
  });
  afterAll(async () => {
    await app.close();
  });

  it("serves, without a token, a 430 px PNG that is the QR code of the share's h5 landing link", async () => {
    const shareId = await newShare(app);
    const res = await codeOf(app, shareId);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(0, 8)).toEqual(pngSignature);
    const image = PNG.sync.read(res.rawPayload);
    expect([image.width, image.height]).toEqual([430, 430]);
    expectQrSymbolFor(res.rawPayload, `https://shop.example.com/h5/#/pages/landing/index?s=${shareId}`);
  });

  it('lets browsers and CDNs keep the code for good: the same share always gets the same bytes', async () => {
    const shareId = await newShare(app);
    const first = await codeOf(app, shareId);
    const second = await codeOf(app, shareId);
    expect(first.headers['cache-control']).toBe(forGood);
    expect(second.rawPayload).toEqual(first.rawPayload);
    expect(renderQrPng(`https://shop.example.com/h5/#/pages/landing/index?s=${shareId}`)).toEqual(first.rawPayload);
  });

  it('gives different shares different codes', async () => {
    const [a, b] = [await newShare(app), await newShare(app)];
    expect((await codeOf(app, a)).rawPayload).not.toEqual((await codeOf(app, b)).rawPayload);
  });

  it('answers 404 for a share id that was never minted and 400 for something that is not a share id', async () => {
    const unknown = await codeOf(app, 'NeverMinted12');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    expect((await codeOf(app, 'bad%20id')).statusCode).toBe(400);
  });
});

describe('code.png with real WeChat (a stubbed adapter)', () => {
  const log = captureLog();
  const calls: UnlimitedCodeInput[] = [];
  let draw: (input: UnlimitedCodeInput) => Promise<Buffer>;
  const unused = () => Promise.reject(new Error('not used in this test'));
  const wechat: WechatApi = {
    code2Session: unused,
    getPhoneNumber: unused,
    getUnlimitedCode: (input) => {
      calls.push(input);
      return draw(input);
    },
  };
  const wechatDraws = async (input: UnlimitedCodeInput) => renderFakeWxacode(input.scene, 430);

  let app: App;
  beforeAll(async () => {
    app = await buildApp(testConfig({ LOG_LEVEL: 'warn', PUBLIC_BASE_URL: 'https://shop.example.com' }), { wechat, logStream: log.stream });
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    calls.length = 0;
    draw = wechatDraws;
  });

  it('serves the mini-program code WeChat drew for the share id and the landing page, fetching it once', async () => {
    const shareId = await newShare(app);
    const first = await codeOf(app, shareId);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(first.headers['cache-control']).toBe(forGood);
    expect(first.rawPayload).toEqual(renderFakeWxacode(shareId, 430));
    expect(calls).toEqual([{ scene: shareId, page: 'pages/landing/index', checkPath: false, width: 430 }]);

    const second = await codeOf(app, shareId);
    expect(second.rawPayload).toEqual(first.rawPayload);
    expect(calls).toHaveLength(1);
  });

  it('asks WeChat once when the same poster is opened twice at the same moment', async () => {
    const shareId = await newShare(app);
    const [a, b] = await Promise.all([codeOf(app, shareId), codeOf(app, shareId)]);
    expect(b.rawPayload).toEqual(a.rawPayload);
    expect(calls).toHaveLength(1);
  });

  it('falls back to the h5 QR code when WeChat fails, logs why without credentials, and asks again next time', async () => {
    draw = () => Promise.reject(new WechatApiError('getUnlimitedQRCode', 45011, 'api minute-quota reach limit access_token=SECRET-TOKEN-x9'));
    const shareId = await newShare(app);
    const fallback = await codeOf(app, shareId);
    expect(fallback.statusCode).toBe(200);
    expect(fallback.rawPayload).toEqual(renderQrPng(`https://shop.example.com/h5/#/pages/landing/index?s=${shareId}`));
    expect(fallback.headers['cache-control']).toBe('public, max-age=300');

    const warning = log.lines().find((line) => line.shareId === shareId);
    expect(warning?.wechat).toMatchObject({ errcode: 45011 });
    expect(log.text()).not.toContain('SECRET-TOKEN-x9');

    draw = wechatDraws;
    const recovered = await codeOf(app, shareId);
    expect(recovered.rawPayload).toEqual(renderFakeWxacode(shareId, 430));
    expect(recovered.headers['cache-control']).toBe(forGood);
    expect(calls).toHaveLength(2);
  });

  it('never asks WeChat for a share id that was never minted', async () => {
    expect((await codeOf(app, 'NeverMinted12')).statusCode).toBe(404);
    expect(calls).toHaveLength(0);
  });
});
