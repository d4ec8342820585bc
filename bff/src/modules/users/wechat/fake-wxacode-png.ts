import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';

// 16 × 16 modules use exactly the 256 bits of a SHA-256, so every scene gets its own pattern.
const MODULES = 16;
const QUIET_ZONE_MODULES = 1;

/** A square, black-on-white, blocky PNG that is the same for the same key and width. */
export function renderFakeWxacode(key: string, width: number): Buffer {
  const bits = createHash('sha256').update(key).digest();
  const size = Math.round(width);
  const cell = Math.floor(size / (MODULES + 2 * QUIET_ZONE_MODULES));
  const margin = Math.floor((size - cell * MODULES) / 2);
  const png = new PNG({ width: size, height: size });
  const rowBytes = size * 4;
  png.data.fill(255);

  // Paint one pixel line per module row, then copy it down the rest of that row's cells.
  for (let row = 0; row < MODULES; row++) {
    const line = Buffer.alloc(rowBytes, 255);
    for (let col = 0; col < MODULES; col++) {
      const index = row * MODULES + col;
      const dark = (((bits[index >> 3] ?? 0) >> (7 - (index & 7))) & 1) === 1;
      if (!dark) continue;
      for (let x = margin + col * cell; x < margin + (col + 1) * cell; x++) line.fill(0, x * 4, x * 4 + 3);
    }
    for (let y = margin + row * cell; y < margin + (row + 1) * cell; y++) line.copy(png.data, y * rowBytes);
  }
  // Flat blocks compress well unfiltered; pngjs's adaptive filtering is slow and gains nothing here.
  return PNG.sync.write(png, { filterType: 0 });
}
