/** Euclidean length; Math.hypot is several times slower and this runs per pixel. */
export function length(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}

/** Signed distance to a box centred on the origin with rounded corners (half sizes include the radius). */
export function roundBoxDistance(x: number, y: number, halfW: number, halfH: number, radius: number): number {
  const qx = Math.abs(x) - halfW + radius;
  const qy = Math.abs(y) - halfH + radius;
  const ox = qx > 0 ? qx : 0;
  const oy = qy > 0 ? qy : 0;
  return length(ox, oy) + Math.min(Math.max(qx, qy), 0) - radius;
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
  const h = Math.min(Math.max((pax * bax + pay * bay) / (bax * bax + bay * bay), 0), 1);
  return length(pax - bax * h, pay - bay * h) - halfThickness;
}
