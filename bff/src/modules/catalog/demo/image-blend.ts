import type { Rgb } from './image-palette';

// Bound once: these run per pixel, and in a vm sandbox (as under jest) a global lookup is ~100× slower.
const { abs, max, round } = Math;

/**
 * A colour being built up for one pixel, reused so the render loop allocates nothing.
 * Blending is done with methods rather than imported functions: compiled to CommonJS, every call
 * of an imported function goes through a getter, which made rendering several times slower.
 */
export class Paint implements Rgb {
  r = 0;
  g = 0;
  b = 0;

  /**
   * Becomes from + (to - from) * t, with t snapped to steps of one level of the channel that
   * changes most. The eye sees no difference, but all three channels then change on the same
   * pixels, which makes the PNG about a fifth smaller.
   */
  mix(from: Rgb, to: Rgb, t: number): this {
    const dr = to.r - from.r;
    const dg = to.g - from.g;
    const db = to.b - from.b;
    const levels = max(abs(dr), abs(dg), abs(db));
    const snapped = levels > 1 ? round(t * levels) / levels : t;
    this.r = from.r + dr * snapped;
    this.g = from.g + dg * snapped;
    this.b = from.b + db * snapped;
    return this;
  }

  /** Lays a colour over this one with the given opacity. */
  over(colour: Rgb, alpha: number): this {
    return this.mix(this, colour, alpha);
  }
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

export function smoothstep(edge0: number, edge1: number, v: number): number {
  const t = clamp01((v - edge0) / (edge1 - edge0));
  return t * t * (3 - 2 * t);
}

/** Edge coverage of a pixel whose centre is `distance` pixels outside a shape: a one-pixel ramp. */
export function coverage(distance: number): number {
  return clamp01(0.5 - distance);
}
