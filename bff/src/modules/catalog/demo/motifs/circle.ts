import * as blend from '../image-blend';
import type { MotifShape } from './motif';

// Bound once for the per-pixel code; see the note in ../product-image.ts.
const { smoothstep } = blend;
const { exp, max, sqrt } = Math;

const RADIUS = 0.9;
// Light comes from the upper left, towards the viewer (normalised).
const LIGHT_X = -0.45;
const LIGHT_Y = -0.55;
const LIGHT_Z = 0.7;

/** A shaded sphere: fruit, balls, jars seen from above. */
export const circle: MotifShape = {
  bottom: RADIUS,
  distance: (x, y) => sqrt(x * x + y * y) - RADIUS,
  paint(x, y, d, _px, palette, out) {
    const nx = x / RADIUS;
    const ny = y / RADIUS;
    const nz = sqrt(max(0, 1 - nx * nx - ny * ny));
    const lambert = max(0, nx * LIGHT_X + ny * LIGHT_Y + nz * LIGHT_Z);
    out.mix(palette.dark, palette.body, smoothstep(0, 0.7, lambert));
    out.over(palette.light, smoothstep(0.65, 1, lambert) * 0.7);
    const hx = x + 0.32;
    const hy = y + 0.36;
    out.over(palette.highlight, exp(-(hx * hx + hy * hy) / 0.012) * 0.75);
    // Light bounced off the floor keeps the lower rim from going muddy.
    out.over(palette.light, smoothstep(-0.14, 0, d) * smoothstep(0.3, 0.9, y) * 0.35);
  },
};
