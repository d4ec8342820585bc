import * as blend from '../image-blend';
import * as distance from './distance';
import type { MotifShape } from './motif';

// Bound once for the per-pixel code; see the note in ../product-image.ts.
const { clamp01, smoothstep } = blend;
const { roundBoxDistance } = distance;
const { floor, min, SQRT1_2 } = Math;

const HALF_W = 0.7;
const HALF_H = 0.88;
const PERIOD = 0.3;
const BAND = 0.45;

/** A soft cushion of diagonal stripes: folded textiles, towels, bedding. */
export const stripes: MotifShape = {
  bottom: HALF_H,
  distance: (x, y) => roundBoxDistance(x, y, HALF_W, HALF_H, 0.16),
  paint(x, y, d, px, palette, out) {
    const s = (x + y) / PERIOD;
    const f = s - floor(s);
    // Distance to the nearest band edge, across the stripe, in local units.
    const across = (f < BAND ? -min(f, BAND - f) : min(f - BAND, 1 - f)) * PERIOD * SQRT1_2;
    out.mix(palette.body, palette.light, clamp01(0.5 - across / px) * 0.85);
    out.over(palette.dark, smoothstep(0.1, 0.95, y) * 0.3);
    // A bevel lit from the upper left gives the cushion its thickness.
    const rim = smoothstep(-0.1, 0, d);
    out.over(x + y < 0 ? palette.highlight : palette.dark, rim * 0.35);
  },
};
