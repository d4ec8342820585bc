import Taro from '@tarojs/taro';
import { createConsentGate } from './consent';
import { PRIVACY_NOTICE_VERSION } from './notice';
import { bridgeWechatPrivacy, type WechatPrivacyApi } from './wechat-privacy';

const KEY = 'linli.privacyConsent';

/** The id WeChat checks was tapped before it continues a privacy-sensitive API. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-notice-agree';

/** The app's one privacy gate: sign-in waits on it and every page's PrivacyNotice answers it. */
export const privacyGate = createConsentGate({
  storage: {
    read: (): unknown => Taro.getStorageSync(KEY),
    write: (record) => Taro.setStorageSync(KEY, record),
  },
  version: PRIVACY_NOTICE_VERSION,
});

// Read from the global rather than through Taro: Taro's proxy exists even where this WeChat lacks the API.
declare const wx: WechatPrivacyApi | undefined;
if (process.env.TARO_ENV === 'weapp') {
  bridgeWechatPrivacy(typeof wx === 'undefined' ? undefined : wx, privacyGate, PRIVACY_AGREE_BUTTON_ID);
}
