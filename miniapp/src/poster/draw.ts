import { canvasFont, type PosterFont, type PosterLayout } from './layout';

/** The part of CanvasRenderingContext2D the poster uses: the browser's and WeChat's Canvas 2D share it. */
export type PosterContext = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'measureText' | 'drawImage' | 'scale' | 'strokeStyle' | 'lineWidth' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke'
>;

/** An image the platform loaded; null when it could not be (the poster is drawn without it). */
export type LoadImage = (url: string) => Promise<CanvasImageSource | null>;

export function measureWith(ctx: PosterContext): (text: string, font: PosterFont) => number {
  return (text, font) => {
    ctx.font = canvasFont(font);
    return ctx.measureText(text).width;
  };
}

/** Draws a computed layout. Images load first, so nothing is painted over out of order. */
export async function drawPoster(ctx: PosterContext, layout: PosterLayout, loadImage: LoadImage): Promise<void> {
  const urls = [...new Set(layout.ops.flatMap((op) => (op.kind === 'image' ? [op.url] : [])))];
  const loaded = new Map(await Promise.all(urls.map(async (url) => [url, await loadImage(url)] as const)));
  ctx.textBaseline = 'alphabetic';
  for (const op of layout.ops) {
    if (op.kind === 'rect') {
      ctx.fillStyle = op.color;
      ctx.fillRect(op.x, op.y, op.width, op.height);
    } else if (op.kind === 'image') {
      const image = loaded.get(op.url);
      if (image) ctx.drawImage(image, op.x, op.y, op.width, op.height);
    } else {
      ctx.font = canvasFont(op.font);
      ctx.fillStyle = op.color;
      ctx.textAlign = op.align;
      ctx.fillText(op.text, op.x, op.y);
      if (op.strike) {
        const width = ctx.measureText(op.text).width;
        ctx.strokeStyle = op.color;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(op.x, op.y - op.font.size / 3);
        ctx.lineTo(op.x + width, op.y - op.font.size / 3);
        ctx.stroke();
      }
    }
  }
}
