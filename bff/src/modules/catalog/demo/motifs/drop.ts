import * as blend from '../image-blend';
import * as distance from './distance';
import type { MotifShape } from './motif';

// Bound once for the per-pixel code; see the note in ../product-image.ts.
const { smoothstep } = blend;
const { length } = distance;
const { abs, exp, sqrt } = Math;

const BULB_RADIUS = 0.6;
const TIP_RADIUS = 0.03;
const BULB_Y = 0.32;
const HEIGHT = 1.3;
const SLOPE = (BULB_RADIUS - TIP_RADIUS) / HEIGHT;
const SIDE = sqrt(1 - SLOPE * SLOPE);

/** A glossy droplet: lotions, oils, detergents, drinks. */
export const drop: MotifShape = {
  bottom: BULB_Y + BULB_RADIUS,
  distance(x, y) {
    // A circle joined by tangents to a small circle at the tip, measured upwards from the bulb.
    const px = abs(x);
    const py = BULB_Y - y;
    const k = -px * SLOPE + py * SIDE;
    if (k < 0) return length(px, py) - BULB_RADIUS;
    if (k > SIDE * HEIGHT) return length(px, py - HEIGHT) - TIP_RADIUS;
    return px * SIDE + py * SLOPE - BULB_RADIUS;
  },
  paint(x, y, d, _px, palette, out) {
    out.mix(palette.light, palette.body, smoothstep(-0.5, 0.6, x * 0.8 + (y - BULB_Y) * 0.6));
    out.over(palette.dark, smoothstep(-0.16, 0, d) * smoothstep(-0.2, 0.5, x + y - BULB_Y) * 0.55);
    const hx = (x + 0.26) / 0.1;
    const hy = (y - 0.16) / 0.24;
    out.over(palette.highlight, exp(-(hx * hx + hy * hy)) * 0.8);
    const sx = (x - 0.3) / 0.07;
    const sy = (y - 0.62) / 0.05;
    out.over(palette.highlight, exp(-(sx * sx + sy * sy)) * 0.35);
  },
};
