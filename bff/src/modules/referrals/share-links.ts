import { h5LandingPath } from '@linli/shared/share-landing';

/**
 * A path this BFF serves (`/media/…`, `/api/…`, `/h5/…`) as shoppers reach it: absolute under
 * PUBLIC_BASE_URL when that is set, else left as it is. URLs that are already absolute (a WeChat
 * avatar) are never touched.
 */
export function publicUrl(publicBaseUrl: string | null, pathOrUrl: string): string {
  if (publicBaseUrl === null || !pathOrUrl.startsWith('/')) return pathOrUrl;
  return `${publicBaseUrl.replace(/\/+$/, '')}${pathOrUrl}`;
}

/** The h5 page a share's fallback QR code opens. */
export const h5LandingUrl = (publicBaseUrl: string | null, shareId: string) => publicUrl(publicBaseUrl, h5LandingPath(shareId));

/** The route serving the share's code image. */
export const shareCodeUrl = (publicBaseUrl: string | null, shareId: string) =>
  publicUrl(publicBaseUrl, `/api/shares/${encodeURIComponent(shareId)}/code.png`);
