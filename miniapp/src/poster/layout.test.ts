import type { SharePoster } from '@linli/shared/schemas/referrals';
import { POSTER_WIDTH, posterLayout, posterPriceText, wrapText, type MeasureText, type PosterOp } from './layout';

/** Every character is as wide as the font is big: enough to check wrapping by measured width. */
const measure: MeasureText = (text, font) => Array.from(text).length * font.size;
const font = { size: 10, bold: false };

const product: SharePoster = {
  kind: 'product',
  title: '海南贵妃芒 5 斤装',
  subtitle: '树上熟，48 小时到家',
  imageUrl: '/media/products/mango.png',
  price: 3990,
  listPrice: 5990,
  groupBuy: null,
  sharer: { nickname: '张小花', avatarUrl: '' },
  codeUrl: '/api/shares/q3Zk8_Lm2xWa/code.png',
  h5Url: 'http://127.0.0.1/h5/#/pages/landing/index?s=q3Zk8_Lm2xWa',
  scene: 'q3Zk8_Lm2xWa',
  page: 'pages/landing/index',
};

const texts = (ops: PosterOp[]) => ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));

describe('wrapText', () => {
  it('breaks where the measured width runs out', () => {
    expect(wrapText('一二三四五六七', 30, 3, font, measure)).toEqual(['一二三', '四五六', '七']);
  });

  it('ends the last allowed line with an ellipsis that still fits', () => {
    expect(wrapText('一二三四五六七八', 30, 2, font, measure)).toEqual(['一二三', '四五…']);
  });

  it('keeps a text that fits on one line whole', () => {
    expect(wrapText('一二', 30, 2, font, measure)).toEqual(['一二']);
  });

  it('puts a character wider than the line on a line of its own rather than looping', () => {
    expect(wrapText('一二', 5, 3, font, measure)).toEqual(['一', '二']);
  });
});

describe('posterPriceText', () => {
  it('shows the group price first during a group-buy, with the single price and seats missing', () => {
    expect(posterPriceText({ price: 3990, listPrice: 5990, groupBuy: { groupPrice: 2990, groupSize: 3, missing: 1, expiresAt: '2025-06-01T12:00:00.000Z' } })).toEqual({
      main: { label: '拼团价', amount: '¥29.90' },
      secondary: { text: '单买 ¥39.90', strike: false },
      group: '3人团 · 还差1人',
    });
  });

  it('names no missing seats for a campaign, where no group is open yet', () => {
    expect(posterPriceText({ price: 3990, listPrice: null, groupBuy: { groupPrice: 2990, groupSize: 2, missing: null, expiresAt: '2025-06-01T12:00:00.000Z' } }).group).toBe('2人团');
  });

  it('strikes the list price only when it is above the price', () => {
    expect(posterPriceText({ price: 3990, listPrice: 5990, groupBuy: null }).secondary).toEqual({ text: '¥59.90', strike: true });
    expect(posterPriceText({ price: 3990, listPrice: 3990, groupBuy: null }).secondary).toBeNull();
  });

  it('shows no price on an invitation', () => {
    expect(posterPriceText({ price: null, listPrice: null, groupBuy: null })).toEqual({ main: null, secondary: null, group: null });
  });
});

describe('posterLayout', () => {
  it('draws the photo, title, prices, sharer and code, all inside the poster', () => {
    const layout = posterLayout(product, measure);
    expect(texts(layout.ops)).toEqual(expect.arrayContaining(['张小花 推荐给你', '¥39.90', '¥59.90', '长按识别或扫码查看']));
    const images = layout.ops.filter((op) => op.kind === 'image');
    expect(images.map((op) => op.kind === 'image' && op.url)).toEqual([product.imageUrl, product.codeUrl]);
    for (const op of layout.ops) {
      if (op.kind === 'text') continue;
      expect(op.x + op.width).toBeLessThanOrEqual(POSTER_WIDTH);
      expect(op.y + op.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('paints the background first, under everything', () => {
    const [first] = posterLayout(product, measure).ops;
    expect(first).toMatchObject({ kind: 'rect', x: 0, y: 0, width: POSTER_WIDTH });
  });

  it('wraps a long title to two lines and grows the poster for them', () => {
    const short = posterLayout(product, measure);
    const long = posterLayout({ ...product, title: '海'.repeat(40) }, measure);
    const titleLines = texts(long.ops).filter((t) => t.startsWith('海海'));
    expect(titleLines).toHaveLength(2);
    expect(titleLines[1]).toMatch(/…$/);
    expect(long.height).toBeGreaterThan(short.height);
  });

  it('draws the shop artwork for an invitation, with no product photo and no price', () => {
    const layout = posterLayout({ ...product, kind: 'invite', title: '邻里', subtitle: '邻里好物，拼着买更划算', imageUrl: null, price: null, listPrice: null }, measure);
    expect(layout.ops.filter((op) => op.kind === 'image')).toHaveLength(1);
    expect(texts(layout.ops)).toContain('邻里');
    expect(texts(layout.ops).some((t) => t.includes('¥'))).toBe(false);
  });
});
