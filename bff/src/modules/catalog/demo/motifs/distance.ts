// Bound once: these run per pixel, and in a vm sandbox (as under jest) a global lookup is ~100× slower.
const { abs, max, min, sqrt } = Math;

/** Euclidean length; Math.hypot is several times slower and this runs per pixel. */
export function length(x: number, y: number): number {
  return sqrt(x * x + y * y);
}

/** Signed distance to a box centred on the origin with rounded corners (half sizes include the radius). */
export function roundBoxDistance(x: number, y: number, halfW: number, halfH: number, radius: number): number {
  const qx = abs(x) - halfW + radius;
  const qy = abs(y) - halfH + radius;
  const ox = qx > 0 ? qx : 0;
  const oy = qy > 0 ? qy : 0;
  return length(ox, oy) + min(max(qx, qy), 0) - radius;
}

/** Signed distance to a segment from (ax, ay) to (bx, by) drawn with the given half thickness. */
export function segmentDistance(
  x: number,
  y: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  halfThickness: number,
): number {
  const pax = x - ax;
  const pay = y - ay;
  const bax = bx - ax;
  const bay = by - ay;
  const h = min(max((pax * bax + pay * bay) / (bax * bax + bay * bay), 0), 1);
  return length(pax - bax * h, pay - bay * h) - halfThickness;
}
