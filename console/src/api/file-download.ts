/**
 * The file name a Content-Disposition header gives: the RFC 5987 `filename*` (UTF-8, so 订单-….csv
 * keeps its Chinese) when present, else the plain `filename`, else `fallback`.
 */
export function attachmentName(disposition: string | undefined, fallback: string): string {
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // a malformed escape: the plain name below still names the file
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Hands a fetched file to the browser's downloads. A plain link cannot carry the staff token, so the
 * file is fetched first and saved from an object URL.
 */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob once the click is handled; the URL would only hold memory.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
