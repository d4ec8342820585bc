import { PNG } from 'pngjs';
import QRCode from 'qrcode';

/** The size WeChat draws a mini-program code at by default, so a poster lays out either alike. */
export const codeWidthPx = 430;

/** Medium error correction: survives a crease or a smudge on a printed poster without a dense symbol. */
export const qrErrorCorrection = 'M';

/** The white border around the symbol, in modules (the QR spec asks for 4; 2 reads fine on a white poster). */
const quietZoneModules = 2;

/**
 * A black-on-white QR code PNG for `text`, `codeWidthPx` square, the same bytes for the same text.
 * Drawn here rather than by qrcode's own PNG renderer: whole-pixel modules stay crisp when scaled on a
 * canvas, and writing unfiltered is many times faster for flat black and white (see fake-wxacode-png).
 */
export function renderQrPng(text: string): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: qrErrorCorrection });
  const cell = Math.floor(codeWidthPx / (modules.size + 2 * quietZoneModules));
  const margin = Math.floor((codeWidthPx - cell * modules.size) / 2);
  const png = new PNG({ width: codeWidthPx, height: codeWidthPx });
  const rowBytes = codeWidthPx * 4;
  png.data.fill(255);
  for (let row = 0; row < modules.size; row++) {
    const line = Buffer.alloc(rowBytes, 255);
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let x = margin + col * cell; x < margin + (col + 1) * cell; x++) line.fill(0, x * 4, x * 4 + 3);
    }
    for (let y = margin + row * cell; y < margin + (row + 1) * cell; y++) line.copy(png.data, y * rowBytes);
  }
  return PNG.sync.write(png, { filterType: 0 });
}
