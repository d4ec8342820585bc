import * as blend from '../image-blend';
import * as distance from './distance';
import type { MotifShape } from './motif';

// Bound once for the per-pixel code; see the note in ../product-image.ts.
const { clamp01, smoothstep } = blend;
const { roundBoxDistance } = distance;
const { abs, floor, max, min } = Math;

const HALF_W = 0.7;
const HALF_H = 0.9;
const MARGIN = 0.08;
const COLUMNS = 3;
const ROWS = 4;
const INNER_W = HALF_W - MARGIN;
const INNER_H = HALF_H - MARGIN;
const CELL_W = (2 * INNER_W) / COLUMNS;
const CELL_H = (2 * INNER_H) / ROWS;
const GAP = 0.035;

function centredCell(v: number, cell: number): number {
  const m = v / cell;
  return (m - floor(m) - 0.5) * cell;
}

/** A bar of raised tiles: chocolate, biscuits, knitted or checked fabric. */
export const grid: MotifShape = {
  bottom: HALF_H,
  distance: (x, y) => roundBoxDistance(x, y, HALF_W, HALF_H, 0.1),
  paint(x, y, _d, px, palette, out) {
    const u = centredCell(x + INNER_W, CELL_W);
    const v = centredCell(y + INNER_H, CELL_H);
    const tile = max(
      roundBoxDistance(u, v, CELL_W / 2 - GAP, CELL_H / 2 - GAP, 0.05),
      roundBoxDistance(x, y, INNER_W, INNER_H, 0),
    );
    out.mix(palette.dark, palette.body, 0.35);
    const onTile = clamp01(0.5 - tile / px);
    if (onTile > 0) {
      // Raised tiles: lit edge towards the upper left, shaded edge towards the lower right.
      const bevel = smoothstep(-0.07, 0, tile);
      const slope = max(-1, min(1, (u + v) * 6));
      out.over(palette.body, onTile);
      out.over(slope < 0 ? palette.light : palette.dark, bevel * abs(slope) * 0.6 * onTile);
    }
    out.over(palette.light, smoothstep(0.2, -0.9, x + y) * 0.25);
  },
};
