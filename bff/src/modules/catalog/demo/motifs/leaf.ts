import * as blend from '../image-blend';
import * as distance from './distance';
import type { MotifShape } from './motif';

// Bound once for the per-pixel code; see the note in ../product-image.ts.
const { clamp01, smoothstep } = blend;
const { length, segmentDistance } = distance;
const { abs, cos, min, round, sin, sqrt } = Math;

const ARC_RADIUS = 1.12;
const ARC_OFFSET = 0.6;
const HALF_LENGTH = sqrt(ARC_RADIUS * ARC_RADIUS - ARC_OFFSET * ARC_OFFSET);
const STEM_END = HALF_LENGTH + 0.16;
const TILT = -0.6;
const COS = cos(TILT);
const SIN = sin(TILT);
const VEIN_PERIOD = 0.24;
const VEIN_SLOPE = 0.7;
const VEIN_NORM = sqrt(1 + VEIN_SLOPE * VEIN_SLOPE);

/** Two arcs meeting at the tip and stalk (a vesica), the tip pointing up. */
function bladeDistance(lx: number, ly: number): number {
  const ax = abs(lx);
  const ay = abs(ly);
  if ((ay - HALF_LENGTH) * ARC_OFFSET > ax * HALF_LENGTH) return length(ax, ay - HALF_LENGTH);
  return length(ax + ARC_OFFSET, ay) - ARC_RADIUS;
}

function stemDistance(lx: number, ly: number): number {
  return segmentDistance(lx, ly, 0, HALF_LENGTH - 0.1, 0.05, STEM_END, 0.035);
}

/** A tilted leaf with a stalk, midrib and veins: greens, herbs, tea, anything "natural". */
export const leaf: MotifShape = {
  bottom: 0.9,
  distance(x, y) {
    const lx = x * COS + y * SIN;
    const ly = -x * SIN + y * COS;
    return min(bladeDistance(lx, ly), stemDistance(lx, ly));
  },
  paint(x, y, d, px, palette, out) {
    const lx = x * COS + y * SIN;
    const ly = -x * SIN + y * COS;
    const blade = bladeDistance(lx, ly);
    if (stemDistance(lx, ly) < blade) {
      out.mix(palette.dark, palette.body, 0.3);
      return;
    }
    // One half of the blade faces the light.
    out.mix(palette.light, palette.body, smoothstep(-0.04, 0.04, lx));
    out.over(palette.dark, smoothstep(-0.4, 0.9, ly) * 0.35);
    const s = (ly + abs(lx) * VEIN_SLOPE) / VEIN_PERIOD;
    const veinAcross = (abs(s - round(s)) * VEIN_PERIOD) / VEIN_NORM;
    const veinFade = smoothstep(-0.04, -0.18, blade) * smoothstep(0.02, 0.08, abs(lx));
    out.over(palette.light, clamp01(0.5 - (veinAcross - 0.008) / px) * veinFade * 0.55);
    out.over(palette.light, clamp01(0.5 - (abs(lx) - 0.014) / px) * smoothstep(HALF_LENGTH, 0.3, abs(ly)));
    out.over(palette.dark, smoothstep(-0.05, 0, d) * 0.35);
  },
};
