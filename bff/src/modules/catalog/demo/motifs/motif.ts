import type { Paint } from '../image-blend';
import type { ImagePalette } from '../image-palette';

export type ImageMotif = 'circle' | 'stripes' | 'grid' | 'leaf' | 'drop' | 'box';

/**
 * A product silhouette in its own units: it fits the unit circle, x to the right, y downwards.
 * Shapes are signed distance fields so edges can be anti-aliased at any image size.
 */
export interface MotifShape {
  /** Negative inside, positive outside, in local units. */
  distance(x: number, y: number): number;
  /**
   * Writes the surface colour at a point inside the shape. `d` is the point's distance,
   * `px` the size of one pixel in local units (to anti-alias inner details).
   */
  paint(x: number, y: number, d: number, px: number, palette: ImagePalette, out: Paint): void;
  /** Lowest point of the upright shape, where it meets the floor. */
  bottom: number;
}
