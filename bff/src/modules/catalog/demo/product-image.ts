import { PNG } from 'pngjs';
import { Paint } from './image-blend';
import * as blend from './image-blend';
import type { ImagePalette } from './image-palette';
import { paletteFor } from './image-palette';
import type { ImageMotif, MotifShape } from './motifs/motif';
import { motifShapes } from './motifs/motif-shapes';

export type { ImageMotif } from './motifs/motif';

// Bound once, because these run per pixel: CommonJS reads every import through a getter, and a
// global looked up inside a vm sandbox (as under jest) is ~100× slower than a local.
const { clamp01, coverage, smoothstep } = blend;
const { abs, round, sqrt } = Math;

export interface ProductImageInput {
  hue: number;
  motif: ImageMotif;
  /** 0 is the cover; 1, 2… are the gallery's further shots of the same product. */
  variant: number;
  size?: number;
}

/** Where the product stands in the frame, as fractions of the image size. */
interface Composition {
  x: number;
  y: number;
  scale: number;
  rotation: number;
  glowX: number;
  glowY: number;
  /** Height of the table edge, or null for a plain studio backdrop. */
  horizon: number | null;
}

const COLOR_RGB = 2;
const UP = 2;
const DEFAULT_STRATEGY = 0;
// Every motif lies within this radius of its centre, in its own units.
const SHAPE_REACH = 1.12;

function compositionFor(variant: number, bottom: number): Composition {
  const turn = Math.floor(variant / 3) * 0.35;
  switch (variant % 3) {
    case 0:
      return { x: 0.5, y: 0.48, scale: 0.3, rotation: turn, glowX: 0.5, glowY: 0.42, horizon: null };
    case 1:
      return { x: 0.55, y: 0.53, scale: 0.35, rotation: turn - 0.22, glowX: 0.3, glowY: 0.28, horizon: null };
    default: {
      const scale = 0.24;
      const horizon = 0.7;
      return { x: 0.46, y: horizon + 0.06 - bottom * scale, scale, rotation: turn, glowX: 0.62, glowY: 0.3, horizon };
    }
  }
}

/**
 * A product-photo placeholder: the motif on a soft backdrop in the product's hue, with a cast
 * shadow. Deterministic, so the same input always yields the same bytes.
 */
export function renderProductImage(input: ProductImageInput): Buffer {
  const size = input.size ?? 480;
  if (!Number.isInteger(size) || size < 16) throw new RangeError(`image size must be an integer ≥ 16, got ${size}`);
  if (!Number.isInteger(input.variant) || input.variant < 0) {
    throw new RangeError(`image variant must be a non-negative integer, got ${input.variant}`);
  }
  const palette = paletteFor(input.hue);
  const shape = motifShapes[input.motif];
  const at = compositionFor(input.variant, shape.bottom);
  // Photos need no alpha. Handing pngjs RGB that matches the output type skips its slow repacking.
  const rgb = Buffer.alloc(size * size * 3);
  paintBackdrop(rgb, size, palette, at);
  paintProduct(rgb, size, palette, shape, at);
  const png = Object.assign(new PNG(), { width: size, height: size, data: rgb });
  return PNG.sync.write(png, {
    colorType: COLOR_RGB,
    inputColorType: COLOR_RGB,
    inputHasAlpha: false,
    // Up costs ~5% more bytes than Paeth here, but pngjs's Paeth makes three Math calls per
    // byte, which crawl inside jest's vm sandbox.
    filterType: UP,
    deflateStrategy: DEFAULT_STRATEGY,
    // Level 5 keeps every demo image well under 60 KB; higher levels cost more time than they save.
    deflateLevel: 5,
  });
}

function gaussian(length: number, centre: number, spread: number): Float64Array {
  const weights = new Float64Array(length);
  for (let i = 0; i < length; i++) weights[i] = Math.exp(-(((i + 0.5 - centre) / spread) ** 2));
  return weights;
}

function paintBackdrop(data: Buffer, size: number, palette: ImagePalette, at: Composition): void {
  // The glow is a 2D gaussian, which factors into a row weight times a column weight.
  const spread = 0.54 * size;
  const glowColumns = gaussian(size, at.glowX * size, spread);
  const glowRows = gaussian(size, at.glowY * size, spread);
  const horizon = at.horizon === null ? Infinity : at.horizon * size;
  const wall = new Paint();
  const table = new Paint();
  const out = new Paint();
  for (let py = 0; py < size; py++) {
    const y = py + 0.5;
    wall.mix(palette.backdropTop, palette.backdropBottom, y / size);
    const onTable = clamp01(y - horizon + 0.5);
    if (onTable > 0) {
      table.mix(palette.tabletop, palette.backdropBottom, smoothstep(horizon, size, y) * 0.6);
      // A lit front edge separates the table from the wall.
      table.over(palette.glow, clamp01(1.5 - abs(y - horizon - 1.5)) * 0.6);
    }
    const rowGlow = (glowRows[py] ?? 0) * 0.8;
    for (let px = 0; px < size; px++) {
      out.mix(wall, palette.glow, (glowColumns[px] ?? 0) * rowGlow);
      if (onTable > 0) out.over(table, onTable);
      writePixel(data, (py * size + px) * 3, out);
    }
  }
}

function paintProduct(data: Buffer, size: number, palette: ImagePalette, shape: MotifShape, at: Composition): void {
  const k = at.scale * size;
  const cx = at.x * size;
  const cy = at.y * size;
  const cos = Math.cos(at.rotation);
  const sin = Math.sin(at.rotation);
  const blur = 0.16 * k;
  const shadowDx = 0.07 * k;
  const shadowDy = 0.11 * k;
  const shadowReach = blur + sqrt(shadowDx * shadowDx + shadowDy * shadowDy);
  const floorX = cx + 0.05 * k;
  const floorY = cy + shape.bottom * k;
  const floorRx = 0.8 * k;
  const floorRy = 0.13 * k;
  const reach = SHAPE_REACH * k + shadowReach;
  const top = Math.max(0, Math.floor(cy - reach));
  const bottom = Math.min(size, Math.ceil(Math.max(cy + reach, floorY + floorRy)));
  const left = Math.max(0, Math.floor(cx - reach));
  const right = Math.min(size, Math.ceil(cx + reach));
  const out = new Paint();
  const surface = new Paint();
  for (let py = top; py < bottom; py++) {
    const dy = py + 0.5 - cy;
    const fy = (py + 0.5 - floorY) / floorRy;
    for (let px = left; px < right; px++) {
      const dx = px + 0.5 - cx;
      const fx = (px + 0.5 - floorX) / floorRx;
      const ring = fx * fx + fy * fy;
      if (ring >= 1 && dx * dx + dy * dy > reach * reach) continue;
      const i = (py * size + px) * 3;
      out.r = data[i] ?? 0;
      out.g = data[i + 1] ?? 0;
      out.b = data[i + 2] ?? 0;
      if (ring < 1) out.over(palette.shadow, (1 - smoothstep(0.1, 1, sqrt(ring))) * 0.3);
      const lx = (dx * cos + dy * sin) / k;
      const ly = (dy * cos - dx * sin) / k;
      const d = shape.distance(lx, ly);
      // A distance field never grows faster than 1 per unit, so far pixels skip the shadow lookup.
      if (d * k < shadowReach) {
        const sx = dx - shadowDx;
        const sy = dy - shadowDy;
        const cast = shape.distance((sx * cos + sy * sin) / k, (sy * cos - sx * sin) / k) * k;
        out.over(palette.shadow, (1 - smoothstep(-blur, blur, cast)) * 0.2);
      }
      const alpha = coverage(d * k);
      if (alpha > 0) {
        shape.paint(lx, ly, d, 1 / k, palette, surface);
        out.over(surface, alpha);
      }
      writePixel(data, i, out);
    }
  }
}

function writePixel(data: Buffer, i: number, colour: Paint): void {
  data[i] = round(colour.r);
  data[i + 1] = round(colour.g);
  data[i + 2] = round(colour.b);
}
