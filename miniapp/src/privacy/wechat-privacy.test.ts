import { createConsentGate } from './consent';
import { bridgeWechatPrivacy, type NeedPrivacyAuthorizationListener, type WechatPrivacyResolution } from './wechat-privacy';

function gateWith(stored: unknown = null) {
  let value = stored;
  return createConsentGate({
    storage: {
      read: () => value,
      write: (record) => {
        value = record;
      },
    },
    version: 'v1',
  });
}

function fakeWechat() {
  const wechat: { listener: NeedPrivacyAuthorizationListener | null; onNeedPrivacyAuthorization: (l: NeedPrivacyAuthorizationListener) => void } = {
    listener: null,
    onNeedPrivacyAuthorization(listener) {
      this.listener = listener;
    },
  };
  return wechat;
}

/** What WeChat does when a privacy-sensitive API is called: raise the event, collect the answers. */
function raise(wechat: ReturnType<typeof fakeWechat>): WechatPrivacyResolution[] {
  const answers: WechatPrivacyResolution[] = [];
  wechat.listener?.((resolution) => answers.push(resolution));
  return answers;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('bridgeWechatPrivacy', () => {
  it('does nothing on a WeChat without the privacy API', () => {
    expect(bridgeWechatPrivacy(undefined, gateWith(), 'agree')).toBe(false);
    expect(bridgeWechatPrivacy({}, gateWith(), 'agree')).toBe(false);
  });

  it('answers agree with the agree button id once the shopper accepts our notice', async () => {
    const wechat = fakeWechat();
    const gate = gateWith();
    expect(bridgeWechatPrivacy(wechat, gate, 'privacy-agree')).toBe(true);
    const answers = raise(wechat);
    expect(gate.isAsking()).toBe(true);
    gate.accept();
    await flush();
    expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'privacy-agree' }]);
  });

  it('answers disagree when the shopper declines', async () => {
    const wechat = fakeWechat();
    const gate = gateWith();
    bridgeWechatPrivacy(wechat, gate, 'privacy-agree');
    const answers = raise(wechat);
    gate.decline();
    await flush();
    expect(answers.at(-1)).toEqual({ event: 'disagree' });
  });

  it('shows the notice even to a shopper who accepted our notice before', () => {
    const wechat = fakeWechat();
    const gate = gateWith({ version: 'v1', acceptedAt: '2026-11-01T00:00:00.000Z' });
    bridgeWechatPrivacy(wechat, gate, 'privacy-agree');
    raise(wechat);
    expect(gate.isAsking()).toBe(true);
  });
});
