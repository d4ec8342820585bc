import { Paint } from '../image-blend';
import * as blend from '../image-blend';
import type { ImagePalette } from '../image-palette';
import * as distance from './distance';
import type { MotifShape } from './motif';

// Bound once for the per-pixel code; see the note in ../product-image.ts.
const { clamp01 } = blend;
const { length } = distance;
const { abs, max, min, sign, sqrt } = Math;

const APOTHEM = 0.8;
const CORNER = (APOTHEM * 2) / sqrt(3);
const TAN30 = 1 / sqrt(3);
const COS30 = sqrt(3) / 2;
const RIBBON = 0.07;
const ribbon = new Paint();
const top = new Paint();

/** Distance to a hexagon with vertical sides and corners at the top and bottom. */
function hexagonDistance(x: number, y: number): number {
  let px = abs(y);
  let py = abs(x);
  const fold = 2 * min(-COS30 * px + 0.5 * py, 0);
  px -= fold * -COS30;
  py -= fold * 0.5;
  const edge = APOTHEM * TAN30;
  px -= min(max(px, -edge), edge);
  py -= APOTHEM;
  return length(px, py) * sign(py);
}

function ribbonOver(out: Paint, across: number, px: number, shade: number, palette: ImagePalette): void {
  const alpha = clamp01(0.5 - (across - RIBBON) / px);
  if (alpha <= 0) return;
  ribbon.mix(palette.accent, shade < 0 ? palette.highlight : palette.dark, abs(shade));
  out.over(ribbon, alpha);
}

/** A gift box in isometric view, tied with a ribbon: boxed sets, parcels, packaged goods. */
export const box: MotifShape = {
  bottom: CORNER,
  distance: hexagonDistance,
  paint(x, y, _d, px, palette, out) {
    // Left face lit, right face in shade; blended over one pixel at the dividing edge.
    out.mix(palette.body, palette.dark, clamp01(0.5 + x / px) * 0.55);
    out.over(palette.dark, clamp01((y + CORNER / 2) / (CORNER * 1.5)) * 0.2);
    ribbonOver(out, abs(abs(x) - APOTHEM / 2), px, x < 0 ? 0 : 0.35, palette);
    const belowTop = (y + TAN30 * abs(x)) * COS30;
    const onTop = clamp01(0.5 - belowTop / px);
    if (onTop <= 0) return;
    top.mix(palette.light, palette.body, 0.15);
    const ty = y + CORNER / 2;
    ribbonOver(top, min(abs(x * 0.5 + ty * COS30), abs(x * 0.5 - ty * COS30)), px, -0.25, palette);
    out.over(top, onTop);
  },
};
