import { PNG } from 'pngjs';
import { demoProducts } from './demo-catalog';
import type { ImageMotif } from './product-image';
import { renderProductImage } from './product-image';

const motifs: ImageMotif[] = ['circle', 'stripes', 'grid', 'leaf', 'drop', 'box'];

function pixelAt(png: PNG, x: number, y: number): number[] {
  const i = (y * png.width + x) * 4;
  return [...png.data.subarray(i, i + 3)];
}

describe('renderProductImage', () => {
  it('renders a 480×480 PNG by default', () => {
    const png = PNG.sync.read(renderProductImage({ hue: 40, motif: 'circle', variant: 0 }));
    expect([png.width, png.height]).toEqual([480, 480]);
  });

  it('renders at the requested size', () => {
    const png = PNG.sync.read(renderProductImage({ hue: 200, motif: 'box', variant: 1, size: 160 }));
    expect([png.width, png.height]).toEqual([160, 160]);
  });

  it.each(motifs)('draws the %s motif in the middle, distinct from the backdrop corner', (motif) => {
    const png = PNG.sync.read(renderProductImage({ hue: 210, motif, variant: 0, size: 200 }));
    const centre = pixelAt(png, 100, 100);
    const corner = pixelAt(png, 2, 2);
    const difference = centre.reduce((sum, channel, i) => sum + Math.abs(channel - (corner[i] ?? 0)), 0);
    expect(difference).toBeGreaterThan(60);
  });

  it('composes each gallery variant differently', () => {
    const variants = [0, 1, 2].map((variant) =>
      PNG.sync.read(renderProductImage({ hue: 120, motif: 'leaf', variant, size: 120 })).data,
    );
    expect(variants[0]?.equals(variants[1] ?? Buffer.alloc(0))).toBe(false);
    expect(variants[1]?.equals(variants[2] ?? Buffer.alloc(0))).toBe(false);
    expect(variants[0]?.equals(variants[2] ?? Buffer.alloc(0))).toBe(false);
  });

  it('yields the same bytes for the same input', () => {
    const input = { hue: 330, motif: 'stripes', variant: 2, size: 96 } as const;
    expect(renderProductImage(input).equals(renderProductImage(input))).toBe(true);
  });

  it('keeps every demo product image under 60 KB', () => {
    const oversized: string[] = [];
    for (const product of demoProducts) {
      for (let variant = 0; variant < product.imageCount; variant++) {
        const bytes = renderProductImage({ ...product.image, variant }).length;
        if (bytes >= 60 * 1024) oversized.push(`${product.slug} #${variant}: ${bytes} bytes`);
      }
    }
    expect(oversized).toEqual([]);
  });

  it('rejects a size that is not a whole number of pixels', () => {
    expect(() => renderProductImage({ hue: 0, motif: 'drop', variant: 0, size: 100.5 })).toThrow(RangeError);
  });

  it('rejects a negative variant', () => {
    expect(() => renderProductImage({ hue: 0, motif: 'drop', variant: -1 })).toThrow(RangeError);
  });
});
