/**
 * The BFF serves media under its own origin and sends paths like `/media/p/1.jpg`; an image
 * component needs the absolute URL. Absolute URLs (a CDN, say) pass through untouched.
 */
export function resolveMediaUrl(apiBase: string, pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  const base = apiBase.replace(/\/+$/, '');
  const path = pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
  return `${base}${path}`;
}
