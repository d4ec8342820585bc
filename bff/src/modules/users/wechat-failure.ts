import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../plugins/errors';
import { WechatApiError, WechatErrcode } from './wechat/wechat-api';

/**
 * What a shopper's client should hear when WeChat refused a code. Anything this does not recognise
 * is WeChat's problem (or ours talking to it): 502, and the caller logs the errcode.
 */
export function wechatFailure(err: WechatApiError): AppError {
  switch (err.errcode) {
    case WechatErrcode.invalidCode:
    case WechatErrcode.codeBeenUsed:
      return new AppError(400, 'WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重试');
    case WechatErrcode.minuteQuota:
      return new AppError(429, 'WECHAT_RATE_LIMITED', '请求过于频繁，请稍后再试');
    case WechatErrcode.riskyUser:
      return new AppError(403, 'WECHAT_RISKY_USER', '该微信账号存在风险，暂时无法登录');
    default:
      return new AppError(502, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后重试');
  }
}

/** Runs a WeChat call, turning its refusals into AppErrors and logging those that are not the user's doing. */
export async function callWechat<T>(log: FastifyBaseLogger, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof WechatApiError)) throw err;
    const failure = wechatFailure(err);
    // errmsg is already scrubbed of credentials by WechatApiError.
    if (failure.statusCode === 502) log.warn({ api: err.api, errcode: err.errcode, errmsg: err.errmsg }, 'WeChat call failed');
    throw failure;
  }
}
