/** What code2Session gives for one wx.login code. `sessionKey` never leaves the BFF. */
export interface WechatSession {
  openid: string;
  unionid: string | null;
  sessionKey: string;
}

export interface WechatPhone {
  /** With the country prefix for numbers outside mainland China. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface UnlimitedCodeInput {
  /** At most 32 visible characters: digits, letters and !#$&'()*+,/:;=?@-._~ */
  scene: string;
  /** Like 'pages/index/index': no leading slash, no query string. Defaults to the home page. */
  page?: string;
  /** Pixels, 280–1280; WeChat defaults to 430. */
  width?: number;
  /** false allows pages not yet published (WeChat defaults to true). */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

export interface WechatApi {
  code2Session(jsCode: string): Promise<WechatSession>;
  getPhoneNumber(code: string): Promise<WechatPhone>;
  /** A mini-program code image (PNG bytes). */
  getUnlimitedCode(input: UnlimitedCodeInput): Promise<Buffer>;
}

/** The errcodes callers branch on; any other errcode is still reported as is. */
export const WechatErrcode = {
  systemBusy: -1,
  invalidCredential: 40001,
  invalidCode: 40029,
  codeBeenUsed: 40163,
  accessTokenExpired: 42001,
  minuteQuota: 45011,
  riskyUser: 40226,
  invalidSceneLength: 40169,
} as const;

// Credentials can reach an errmsg through an echoed URL or body; cut their values out before the
// text is stored anywhere an error logger could print it.
const CREDENTIAL_IN_TEXT =
  /("?(?:secret|appsecret|session_key|sessionKey|access_token|js_code)"?\s*[=:]\s*"?)[^"&\s,}]+/gi;

export function redactCredentials(text: string): string {
  return text.replace(CREDENTIAL_IN_TEXT, '$1[redacted]');
}

/**
 * A non-zero errcode from WeChat (or -1 when WeChat could not be reached or answered nonsense).
 * The message is safe to log: it never carries the AppSecret, a session key or a token.
 */
export class WechatApiError extends Error {
  readonly errcode: number;
  readonly errmsg: string;
  readonly api: string;

  constructor(api: string, errcode: number, errmsg: string) {
    const safeMsg = redactCredentials(errmsg);
    super(`WeChat ${api} failed with errcode ${errcode}: ${safeMsg}`);
    this.name = 'WechatApiError';
    this.api = api;
    this.errcode = errcode;
    this.errmsg = safeMsg;
  }
}
