import { formatFen } from '@linli/shared/money';
import type { SharePoster } from '@linli/shared/schemas/referrals';

/** Poster units: the canvas is drawn at this width and scaled for the screen (and the pixel ratio). */
export const POSTER_WIDTH = 600;
const PADDING = 32;
const CONTENT_WIDTH = POSTER_WIDTH - PADDING * 2;
const CODE_SIZE = 168;

export const posterColors = {
  background: '#ffffff',
  text: '#222222',
  secondary: '#999999',
  price: '#e4393c',
  artwork: '#e4393c',
  artworkText: '#ffffff',
  placeholder: '#eeeeee',
} as const;

export interface PosterFont {
  size: number;
  bold: boolean;
}

/** Canvas font shorthand for a poster font. */
export function canvasFont(font: PosterFont): string {
  return `${font.bold ? 'bold ' : ''}${font.size}px sans-serif`;
}

/** The width a text takes in a font, as the canvas measures it. */
export type MeasureText = (text: string, font: PosterFont) => number;

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: string }
  | { kind: 'image'; url: string; x: number; y: number; width: number; height: number }
  | { kind: 'text'; text: string; x: number; y: number; font: PosterFont; color: string; align: 'left' | 'center'; strike: boolean };

export interface PosterLayout {
  width: number;
  height: number;
  /** in drawing order; text y is the baseline */
  ops: PosterOp[];
}

/**
 * Breaks text into at most `maxLines` lines no wider than `maxWidth`, a character at a time (Chinese
 * has no spaces to break at). What does not fit ends the last line with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number, font: PosterFont, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (measure(line + char, font) <= maxWidth || line === '') {
      line += char;
      continue;
    }
    if (lines.length === maxLines - 1) return [...lines, ellipsize(line, maxWidth, font, measure)];
    lines.push(line);
    line = char.trim();
  }
  return line === '' ? lines : [...lines, line];
}

function ellipsize(line: string, maxWidth: number, font: PosterFont, measure: MeasureText): string {
  let kept = line;
  while (kept !== '' && measure(`${kept}…`, font) > maxWidth) kept = Array.from(kept).slice(0, -1).join('');
  return `${kept}…`;
}

export interface PriceText {
  /** the big red line: the group price during a group-buy, else the price */
  main: { label: string; amount: string } | null;
  /** the grey line beside it: the single price during a group-buy, else a higher list price (struck) */
  secondary: { text: string; strike: boolean } | null;
  /** group facts: '3人团 · 还差1人' */
  group: string | null;
}

export function posterPriceText(poster: Pick<SharePoster, 'price' | 'listPrice' | 'groupBuy'>): PriceText {
  const { price, listPrice, groupBuy } = poster;
  if (groupBuy !== null) {
    const missing = groupBuy.missing === null ? '' : ` · 还差${groupBuy.missing}人`;
    return {
      main: { label: '拼团价', amount: formatFen(groupBuy.groupPrice) },
      secondary: price === null ? null : { text: `单买 ${formatFen(price)}`, strike: false },
      group: `${groupBuy.groupSize}人团${missing}`,
    };
  }
  if (price === null) return { main: null, secondary: null, group: null };
  return {
    main: { label: '', amount: formatFen(price) },
    secondary: listPrice !== null && listPrice > price ? { text: formatFen(listPrice), strike: true } : null,
    group: null,
  };
}

const fonts = {
  sharer: { size: 24, bold: false },
  artwork: { size: 72, bold: true },
  title: { size: 30, bold: true },
  subtitle: { size: 24, bold: false },
  priceLabel: { size: 24, bold: true },
  price: { size: 44, bold: true },
  secondary: { size: 24, bold: false },
  codeHint: { size: 22, bold: false },
} satisfies Record<string, PosterFont>;

/** Where everything on the poster goes, computed without a canvas so it can be tested. */
export function posterLayout(poster: SharePoster, measure: MeasureText): PosterLayout {
  const ops: PosterOp[] = [];
  const text = (value: string, x: number, y: number, font: PosterFont, color: string, options: { align?: 'left' | 'center'; strike?: boolean } = {}) =>
    ops.push({ kind: 'text', text: value, x, y, font, color, align: options.align ?? 'left', strike: options.strike ?? false });
  let y = PADDING;

  text(`${poster.sharer.nickname} 推荐给你`, PADDING, y + fonts.sharer.size, fonts.sharer, posterColors.secondary);
  y += fonts.sharer.size + 20;

  // An invitation has no product photo: the shop's name on its own colour stands in.
  if (poster.imageUrl === null) {
    ops.push({ kind: 'rect', x: PADDING, y, width: CONTENT_WIDTH, height: CONTENT_WIDTH * 0.75, color: posterColors.artwork });
    text(poster.title, POSTER_WIDTH / 2, y + CONTENT_WIDTH * 0.375 + fonts.artwork.size / 3, fonts.artwork, posterColors.artworkText, { align: 'center' });
    y += CONTENT_WIDTH * 0.75 + 28;
  } else {
    ops.push({ kind: 'rect', x: PADDING, y, width: CONTENT_WIDTH, height: CONTENT_WIDTH, color: posterColors.placeholder });
    ops.push({ kind: 'image', url: poster.imageUrl, x: PADDING, y, width: CONTENT_WIDTH, height: CONTENT_WIDTH });
    y += CONTENT_WIDTH + 28;
    for (const line of wrapText(poster.title, CONTENT_WIDTH, 2, fonts.title, measure)) {
      text(line, PADDING, y + fonts.title.size, fonts.title, posterColors.text);
      y += fonts.title.size + 12;
    }
    y += 8;
  }

  const prices = posterPriceText(poster);
  if (prices.main !== null) {
    let x = PADDING;
    const baseline = y + fonts.price.size;
    if (prices.main.label !== '') {
      text(prices.main.label, x, baseline, fonts.priceLabel, posterColors.price);
      x += measure(prices.main.label, fonts.priceLabel) + 8;
    }
    text(prices.main.amount, x, baseline, fonts.price, posterColors.price);
    x += measure(prices.main.amount, fonts.price) + 16;
    if (prices.secondary !== null) text(prices.secondary.text, x, baseline, fonts.secondary, posterColors.secondary, { strike: prices.secondary.strike });
    y = baseline + 16;
  }
  if (prices.group !== null) {
    text(prices.group, PADDING, y + fonts.secondary.size, fonts.secondary, posterColors.price);
    y += fonts.secondary.size + 16;
  }

  // Beside the code: the subtitle (the invitation's copy, or the product's selling line) and how to open it.
  y += 12;
  const codeX = POSTER_WIDTH - PADDING - CODE_SIZE;
  const besideCode = codeX - PADDING - 24;
  ops.push({ kind: 'image', url: poster.codeUrl, x: codeX, y, width: CODE_SIZE, height: CODE_SIZE });
  let textY = y + 24;
  for (const line of wrapText(poster.subtitle, besideCode, 3, fonts.subtitle, measure)) {
    text(line, PADDING, textY + fonts.subtitle.size, fonts.subtitle, posterColors.text);
    textY += fonts.subtitle.size + 10;
  }
  text('长按识别或扫码查看', PADDING, y + CODE_SIZE - 8, fonts.codeHint, posterColors.secondary);
  y += CODE_SIZE + PADDING;

  return { width: POSTER_WIDTH, height: Math.ceil(y), ops: [{ kind: 'rect', x: 0, y: 0, width: POSTER_WIDTH, height: Math.ceil(y), color: posterColors.background }, ...ops] };
}
