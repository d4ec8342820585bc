export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** The colours of one product image, all derived from a single hue so a product keeps its look. */
export interface ImagePalette {
  backdropTop: Rgb;
  backdropBottom: Rgb;
  glow: Rgb;
  tabletop: Rgb;
  body: Rgb;
  light: Rgb;
  dark: Rgb;
  accent: Rgb;
  shadow: Rgb;
  highlight: Rgb;
}

/** h in degrees, s and l in 0..1; returns 0..255 channels. */
export function hsl(h: number, s: number, l: number): Rgb {
  const hue = ((h % 360) + 360) % 360;
  const chroma = (1 - Math.abs(2 * l - 1)) * s;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = l - chroma / 2;
  const sector = Math.floor(hue / 60);
  const [r, g, b] =
    sector === 0 ? [chroma, x, 0]
    : sector === 1 ? [x, chroma, 0]
    : sector === 2 ? [0, chroma, x]
    : sector === 3 ? [0, x, chroma]
    : sector === 4 ? [x, 0, chroma]
    : [chroma, 0, x];
  return { r: (r + m) * 255, g: (g + m) * 255, b: (b + m) * 255 };
}

export function paletteFor(hue: number): ImagePalette {
  return {
    backdropTop: hsl(hue, 0.5, 0.96),
    backdropBottom: hsl(hue, 0.38, 0.87),
    glow: hsl(hue, 0.6, 0.985),
    tabletop: hsl(hue, 0.26, 0.8),
    body: hsl(hue, 0.62, 0.56),
    light: hsl(hue, 0.78, 0.74),
    dark: hsl(hue, 0.55, 0.36),
    // A warm or cool counterpoint (ribbons, seams) that stays legible on the body colour.
    accent: hsl(hue + 150, 0.55, 0.62),
    shadow: hsl(hue, 0.35, 0.22),
    highlight: hsl(hue, 0.6, 0.98),
  };
}
