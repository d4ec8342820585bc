import { eq } from 'drizzle-orm';
import { shareLandingPage } from '@linli/shared/share-landing';
import type { App } from '../../app';
import { notFound } from '../../plugins/errors';
import { redactCredentials, WechatApiError } from '../users/wechat/wechat-api';
import { createCodeImageCache } from './code-image-cache';
import { codeWidthPx, renderQrPng } from './qr-png';
import { h5LandingUrl } from './share-links';
import { shares } from './tables';

/** A wxacode is ~50 KB: a hundred of them is a few MB, and covers the posters being shared right now. */
const cachedCodes = 100;

export interface ShareCodeImage {
  png: Buffer;
  /** false when WeChat failed and this QR code stands in for the mini-program code until it answers again */
  final: boolean;
}

/**
 * The code printed on a share's poster. With real WeChat: the mini-program code opening the landing
 * page with the share id as its scene, fetched once and then served from memory (getUnlimited is
 * rate-limited). With the local fake WeChat (dev, tests), or while WeChat fails: a QR code to the
 * share's h5 landing link.
 */
export function shareCodes(app: App) {
  const cache = createCodeImageCache(cachedCodes);
  const qrCode = async (shareId: string) => renderQrPng(h5LandingUrl(app.config.publicBaseUrl, shareId));
  const wxacode = (shareId: string) =>
    app.wechat.getUnlimitedCode({ scene: shareId, page: shareLandingPage, checkPath: false, width: codeWidthPx });

  return async function shareCode(shareId: string): Promise<ShareCodeImage> {
    const [share] = await app.db.select({ id: shares.id }).from(shares).where(eq(shares.id, shareId));
    if (!share) throw notFound('分享');
    if (usesFakeWechat(app)) return { png: await cache.read(shareId, () => qrCode(shareId)), final: true };
    try {
      return { png: await cache.read(shareId, () => wxacode(shareId)), final: true };
    } catch (err) {
      app.log.warn({ shareId, wechat: failureOf(err) }, 'wxacode.getUnlimited failed: serving a QR code to the h5 link instead');
      return { png: await qrCode(shareId), final: false };
    }
  };
}

/** The fake exists only when the app connected WeChat itself without credentials; an injected adapter is used as is. */
function usesFakeWechat(app: App): boolean {
  return app.hasDecorator('wechatFake') && app.wechatFake !== null;
}

function failureOf(err: unknown) {
  if (err instanceof WechatApiError) return { api: err.api, errcode: err.errcode, errmsg: err.errmsg };
  return { message: redactCredentials(err instanceof Error ? err.message : String(err)) };
}
