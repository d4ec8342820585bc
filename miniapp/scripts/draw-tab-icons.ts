import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/**
 * Draws the tab bar's icons (home, cart, me) as 81×81 PNGs, grey and selected red, into
 * src/assets/tab/. Run with `tsx scripts/draw-tab-icons.ts` after changing a shape; the PNGs are
 * committed. Shapes are signed-distance tests on a 0..1 square, anti-aliased by 4×4 supersampling.
 */
type Shape = (x: number, y: number) => boolean;

const size = 81;
const colours = { normal: [0x99, 0x99, 0x99], selected: [0xe4, 0x39, 0x3c] } as const;

const circle = (cx: number, cy: number, r: number, width: number): Shape => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= width / 2;
const disc = (cx: number, cy: number, r: number): Shape => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const segment = (ax: number, ay: number, bx: number, by: number, width: number): Shape => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width / 2;
};
const anyOf = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const polyline = (points: Array<[number, number]>, width: number): Shape =>
  anyOf(...points.slice(1).map(([bx, by], i) => segment(points[i]![0], points[i]![1], bx, by, width)));

const stroke = 0.07;
const icons: Record<string, Shape> = {
  home: polyline([[0.12, 0.48], [0.5, 0.14], [0.88, 0.48], [0.78, 0.48], [0.78, 0.86], [0.22, 0.86], [0.22, 0.48], [0.12, 0.48]], stroke),
  cart: anyOf(polyline([[0.08, 0.18], [0.22, 0.18], [0.32, 0.64], [0.8, 0.64], [0.9, 0.3], [0.26, 0.3]], stroke), disc(0.38, 0.8, 0.07), disc(0.74, 0.8, 0.07)),
  me: anyOf(circle(0.5, 0.34, 0.17, stroke), (x, y) => y <= 0.88 && circle(0.5, 0.98, 0.36, stroke)(x, y)),
};

function draw(shape: Shape, rgb: readonly number[]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (shape((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size)) hits++;
      const i = (py * size + px) * 4;
      png.data[i] = rgb[0]!;
      png.data[i + 1] = rgb[1]!;
      png.data[i + 2] = rgb[2]!;
      png.data[i + 3] = Math.round((hits / 16) * 255);
    }
  }
  return PNG.sync.write(png);
}

const out = path.join(__dirname, '..', 'src', 'assets', 'tab');
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(path.join(out, `${name}.png`), draw(shape, colours.normal));
  writeFileSync(path.join(out, `${name}-active.png`), draw(shape, colours.selected));
}
