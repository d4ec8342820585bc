import type { ProductCard } from '@linli/shared/schemas/catalog';
import type { RunningCampaign } from '@linli/shared/schemas/group-buys';
import { bannerItems } from './banner-items';

const campaign = (n: number, productId = `p${n}`): RunningCampaign => ({
  campaignId: `c${n}`,
  productId,
  title: `${n} 号团`,
  productTitle: `商品${n}`,
  coverUrl: `/media/${n}.png`,
  groupSize: 3,
  groupPrice: 1990,
  price: 2990,
  endsAt: '2025-06-30T16:00:00.000Z',
  joinedCount: 0,
  salesCount: 0,
});
const product = (n: number, extra: Partial<ProductCard> = {}): ProductCard => ({
  id: `p${n}`,
  categoryId: 'cat',
  title: `商品${n}`,
  subtitle: '',
  coverUrl: `/media/${n}.png`,
  price: 990,
  listPrice: 1290,
  salesCount: 0,
  soldOut: false,
  ...extra,
});

describe('the home banner', () => {
  it('features running group buys first, with their group price', () => {
    const items = bannerItems([campaign(1), campaign(2)], [product(3), product(4)]);
    expect(items.map((i) => i.productId)).toEqual(['p1', 'p2', 'p3']);
    expect(items[0]?.caption).toBe('3人团 · 拼团价 ¥19.90');
  });

  it('fills with new products when no group buy runs, at most three', () => {
    expect(bannerItems([], [product(1), product(2), product(3), product(4)]).map((i) => i.productId)).toEqual(['p1', 'p2', 'p3']);
  });

  it('shows a product once even when it has a campaign and is in the list too', () => {
    expect(bannerItems([campaign(1)], [product(1), product(2)]).map((i) => i.key)).toEqual(['c:c1', 'p:p2']);
  });

  it('leaves out sold-out products and items without a picture', () => {
    expect(bannerItems([{ ...campaign(1), coverUrl: '' }], [product(2, { soldOut: true }), product(3)]).map((i) => i.productId)).toEqual(['p3']);
  });

  it('is empty when there is nothing to feature', () => {
    expect(bannerItems([], [])).toEqual([]);
  });
});
