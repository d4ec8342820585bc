import type { ConsentGate } from './consent';

/** The shape of WeChat's privacy API (wx.onNeedPrivacyAuthorization), as much as this file uses. */
export interface WechatPrivacyResolution {
  event: 'exposureAuthorization' | 'agree' | 'disagree';
  buttonId?: string;
}
export type NeedPrivacyAuthorizationListener = (resolve: (resolution: WechatPrivacyResolution) => void) => void;
export interface WechatPrivacyApi {
  onNeedPrivacyAuthorization?: (listener: NeedPrivacyAuthorizationListener) => void;
}

/**
 * Routes WeChat's privacy prompt (raised by chooseAddress, getPhoneNumber, saveImageToPhotosAlbum…)
 * through our notice, so the shopper sees one notice, not two. WeChat only continues the pending API
 * when the agree came from a tap on a button with open-type agreePrivacyAuthorization and the id
 * given here. Returns false when this WeChat has no such API (base library before 2.32.3).
 */
export function bridgeWechatPrivacy(api: WechatPrivacyApi | undefined, gate: ConsentGate, agreeButtonId: string): boolean {
  const listen = api?.onNeedPrivacyAuthorization;
  if (typeof listen !== 'function') return false;
  listen.call(api, (resolve) => {
    resolve({ event: 'exposureAuthorization' });
    void gate.ask().then((accepted) => resolve(accepted ? { event: 'agree', buttonId: agreeButtonId } : { event: 'disagree' }));
  });
  return true;
}
