import { PaymentProviderError, type TransferInput } from '../payment-provider';
import { generateKeyPair } from './crypto';
import type { FakeWechatPayServer } from './fake-wechatpay-server';
import { WechatPayProvider } from './wechatpay-provider';
import { createWechatPayTestKit, uniqueNo } from './wechatpay-test-kit';

const kit = createWechatPayTestKit();
let fake: FakeWechatPayServer;
let provider: WechatPayProvider;

beforeAll(async () => {
  fake = await kit.startFake();
  provider = new WechatPayProvider(kit.configFor(fake), { now: kit.now });
});

afterAll(() => fake.close());

function withdrawal(overrides: Partial<TransferInput> = {}): TransferInput {
  return { outBillNo: uniqueNo('WD'), openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', amount: 1288, remark: '邻里佣金提现', ...overrides };
}

async function rejection(promise: Promise<unknown>): Promise<PaymentProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PaymentProviderError)) throw new Error(`expected a PaymentProviderError, got ${String(error)}`);
  return error;
}

describe('transfer (发起转账)', () => {
  it('sends the documented body under scene 1000 with its report infos and no notify_url', async () => {
    const input = withdrawal();
    await provider.transfer(input);

    const sent = fake.requests.at(-1);
    expect([sent?.method, sent?.path]).toEqual(['POST', '/v3/fund-app/mch-transfer/transfer-bills']);
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      appid: kit.appid,
      out_bill_no: input.outBillNo,
      transfer_scene_id: '1000',
      openid: input.openid,
      transfer_amount: 1288,
      transfer_remark: '邻里佣金提现',
      user_recv_perception: '现金奖励',
      transfer_scene_report_infos: [
        { info_type: '活动名称', info_content: '邻里分销推广' },
        { info_type: '奖励说明', info_content: '分销佣金提现' },
      ],
    });
  });

  it('answers WAIT_USER_CONFIRM with the package_info the mini-program confirms with', async () => {
    const input = withdrawal();
    const result = await provider.transfer(input);

    expect(result).toMatchObject({ outBillNo: input.outBillNo, state: 'WAIT_USER_CONFIRM', failReason: null });
    expect(result.transferBillNo).toMatch(/^1330\d{36}$/);
    expect(result.packageInfo).toEqual(expect.any(String));
  });

  it('returns the same bill and package_info when the same transfer is sent again', async () => {
    const input = withdrawal();
    const first = await provider.transfer(input);
    const again = await provider.transfer(input);

    expect(again).toEqual(first);
  });

  it('refuses an out_bill_no reused with a different amount with a non-retryable INVALID_REQUEST', async () => {
    const input = withdrawal();
    await provider.transfer(input);

    const error = await rejection(provider.transfer({ ...input, amount: input.amount + 1 }));
    expect([error.status, error.code, error.retryable]).toEqual([400, 'INVALID_REQUEST', false]);
  });

  it('cuts a remark longer than the 32 characters WeChat allows', async () => {
    await provider.transfer(withdrawal({ remark: '佣'.repeat(40) }));

    expect(JSON.parse(fake.requests.at(-1)?.body ?? '').transfer_remark).toBe('佣'.repeat(32));
  });

  it('gets PARAM_ERROR for an out_bill_no with characters other than digits and letters', async () => {
    const error = await rejection(provider.transfer(withdrawal({ outBillNo: 'WD-2025-0001' })));
    expect([error.status, error.code]).toEqual([400, 'PARAM_ERROR']);
  });

  it('gets PARAM_ERROR from 2,000 yuan, where WeChat requires the real name Linli does not send', async () => {
    const error = await rejection(provider.transfer(withdrawal({ amount: 200_000 })));
    expect([error.status, error.code]).toEqual([400, 'PARAM_ERROR']);
    expect((await provider.transfer(withdrawal({ amount: 199_999 }))).state).toBe('WAIT_USER_CONFIRM');
  });
});

describe('queryTransfer (商户单号查询转账单)', () => {
  it('reports a waiting bill as WAIT_USER_CONFIRM, without package_info, which the query never carries', async () => {
    const input = withdrawal();
    const created = await provider.transfer(input);

    expect(await provider.queryTransfer(input.outBillNo)).toEqual({ ...created, packageInfo: null });
    expect(fake.requests.at(-1)?.path).toBe(`/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${input.outBillNo}`);
  });

  it('reports SUCCESS once the user confirms, and a repeated transfer then returns SUCCESS without package_info', async () => {
    const input = withdrawal();
    const created = await provider.transfer(input);

    fake.settleTransfer(input.outBillNo, { state: 'SUCCESS' });

    expect(await provider.queryTransfer(input.outBillNo)).toEqual({ ...created, state: 'SUCCESS', packageInfo: null });
    expect(await provider.transfer(input)).toEqual({ ...created, state: 'SUCCESS', packageInfo: null });
  });

  it('reports FAIL with WeChat\'s reason when WeChat fails the transfer', async () => {
    const input = withdrawal();
    await provider.transfer(input);

    fake.settleTransfer(input.outBillNo, { state: 'FAIL', failReason: 'NAME_NOT_CORRECT' });

    expect(await provider.queryTransfer(input.outBillNo)).toMatchObject({ state: 'FAIL', failReason: 'NAME_NOT_CORRECT', packageInfo: null });
    expect(await provider.transfer(input)).toMatchObject({ state: 'FAIL', failReason: 'NAME_NOT_CORRECT', packageInfo: null });
  });

  it('turns an unknown bill into a non-retryable 404 NOT_FOUND', async () => {
    const error = await rejection(provider.queryTransfer(uniqueNo('NONE')));
    expect([error.status, error.code, error.retryable]).toEqual([404, 'NOT_FOUND', false]);
  });
});

describe('transfer signatures', () => {
  const deceived = () => new WechatPayProvider(kit.configFor(fake, { platformPublicKeys: { [fake.platform.serial]: generateKeyPair().publicKeyPem } }), { now: kit.now });

  it('rejects a transfer answer whose signature does not verify, as retryable; a retry gets the bill WeChat made anyway', async () => {
    const input = withdrawal();
    const error = await rejection(deceived().transfer(input));
    expect([error.code, error.retryable]).toEqual(['RESPONSE_SIGNATURE_INVALID', true]);

    const madeAnyway = await provider.queryTransfer(input.outBillNo);
    expect((await provider.transfer(input)).transferBillNo).toBe(madeAnyway.transferBillNo);
  });

  it('rejects a query answer whose signature does not verify', async () => {
    const input = withdrawal();
    await provider.transfer(input);

    const error = await rejection(deceived().queryTransfer(input.outBillNo));
    expect(error.code).toBe('RESPONSE_SIGNATURE_INVALID');
  });

  it('gets 401 SIGN_ERROR and creates no bill when the request is signed with a key WeChat does not know', async () => {
    const impostor = new WechatPayProvider(kit.configFor(fake, { merchantPrivateKey: generateKeyPair().privateKeyPem }), { now: kit.now });
    const input = withdrawal();

    const error = await rejection(impostor.transfer(input));
    expect([error.status, error.code]).toEqual([401, 'SIGN_ERROR']);
    expect((await rejection(provider.queryTransfer(input.outBillNo))).code).toBe('NOT_FOUND');
  });
});

describe('the fake transfer back office', () => {
  it('does not let a settled bill end differently', async () => {
    const input = withdrawal();
    await provider.transfer(input);
    fake.settleTransfer(input.outBillNo, { state: 'SUCCESS' });

    expect(() => fake.settleTransfer(input.outBillNo, { state: 'SUCCESS' })).not.toThrow();
    expect(() => fake.settleTransfer(input.outBillNo, { state: 'FAIL', failReason: 'OPENID_INVALID' })).toThrow('already SUCCESS');
  });

  it('does not settle a bill it never created', () => {
    expect(() => fake.settleTransfer(uniqueNo('NONE'), { state: 'SUCCESS' })).toThrow('no transfer bill');
  });
});
