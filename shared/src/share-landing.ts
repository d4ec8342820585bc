/**
 * Where a scanned poster code or an h5 share link lands, and how that page finds the share id.
 * The BFF draws the codes; the mini-program's landing page reads them back with the same rules.
 */

/** A share id minted by the BFF: url-safe, well inside a scene's 32 characters, every character one a scene allows. */
export const shareIdPattern = /^[A-Za-z0-9_-]{10,16}$/;

/** WeChat refuses a scene longer than this (errcode 40169). */
export const sceneMaxLength = 32;

/** The mini-program page a poster code opens; the h5 build serves the same page under its hash route. */
export const shareLandingPage = 'pages/landing/index';

/** The query parameter a share link carries the share id in (`?s=`). */
export const shareQueryKey = 's';

/** The h5 landing route for a share, relative to where the h5 build is served. */
export function h5LandingPath(shareId: string): string {
  return `/h5/#/${shareLandingPage}?${shareQueryKey}=${encodeURIComponent(shareId)}`;
}

/**
 * The share id the landing page was opened with, or null when there is none or it is not a share id.
 * A scanned code passes `scene` (URL-encoded by WeChat); a share card or h5 link passes `s`. The scene
 * wins: it is what the code printed on the poster says.
 */
export function shareIdFromLanding(query: Readonly<Record<string, string | undefined>>): string | null {
  const scene = query.scene;
  if (scene !== undefined && scene !== '') return validShareId(decodeOnce(scene));
  const fromPath = query[shareQueryKey];
  if (fromPath !== undefined && fromPath !== '') return validShareId(decodeOnce(fromPath));
  return null;
}

function decodeOnce(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function validShareId(candidate: string | null): string | null {
  return candidate !== null && shareIdPattern.test(candidate) ? candidate : null;
}
