import Taro from '@tarojs/taro';
import { h5LandingPath, shareLandingPage, shareQueryKey } from '@linli/shared/share-landing';

/**
 * The mini-program path a share card opens: the landing page, which records the visit and forwards.
 * Without a share id (minting failed) the card opens `fallback` directly, unattributed.
 */
export function sharePath(shareId: string | null, fallback: string): string {
  return shareId === null ? fallback : `/${shareLandingPage}?${shareQueryKey}=${encodeURIComponent(shareId)}`;
}

/** Outside WeChat there is no share card: copy the h5 link for the shopper to paste into a chat. */
export async function copyShareLink(shareId: Promise<string | null>): Promise<void> {
  const id = await shareId;
  if (id === null) {
    await Taro.showToast({ title: '分享链接生成失败，请稍后再试', icon: 'none' });
    return;
  }
  await Taro.setClipboardData({ data: `${window.location.origin}${h5LandingPath(id)}` });
}
