import type { CreateGroupCampaignBody } from '../schemas/group-buys';
import { campaignProblems, skuProblems } from './campaign-rules';

const day = 86_400_000;
const now = new Date('2025-06-01T00:00:00.000Z');
const skuA = '8e2f4a6c-1d3b-4f5e-9a7c-0b2d4e6f8a1c';
const skuB = '5b0d7f1e-3f7a-4c57-9a0e-1c2b3d4e5f60';
const productSkus = [
  { id: skuA, price: 2990 },
  { id: skuB, price: 3990 },
];

function body(overrides: Partial<CreateGroupCampaignBody> = {}): CreateGroupCampaignBody {
  return {
    productId: '1c9e7a5b-3d2f-4e6a-8b0c-7f5e3d1b9a2c',
    title: '3 人团',
    groupSize: 3,
    timeLimitMinutes: 1440,
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + 7 * day).toISOString(),
    perUserLimit: 1,
    newUsersOnly: false,
    skus: [{ skuId: skuA, groupPrice: 1990, leaderPrice: 1790 }],
    ...overrides,
  };
}

const paths = (b: CreateGroupCampaignBody) => campaignProblems(b, productSkus, now).map((p) => p.path);

it('accepts group prices under the SKU prices in a window that ends later', () => {
  expect(campaignProblems(body(), productSkus, now)).toEqual([]);
});

it('refuses a group price that is not below the SKU price, naming that price in yuan', () => {
  const problems = campaignProblems(body({ skus: [{ skuId: skuA, groupPrice: 2990 }] }), productSkus, now);
  expect(problems).toEqual([{ path: '/body/skus/0/groupPrice', message: '拼团价必须低于原价 ¥29.90' }]);
});

it('refuses a leader price above the group price but allows an equal one', () => {
  expect(paths(body({ skus: [{ skuId: skuA, groupPrice: 1990, leaderPrice: 1991 }] }))).toEqual(['/body/skus/0/leaderPrice']);
  expect(paths(body({ skus: [{ skuId: skuA, groupPrice: 1990, leaderPrice: 1990 }] }))).toEqual([]);
});

it('refuses a SKU of another product and a SKU listed twice, at the row that breaks the rule', () => {
  const other = '00000000-0000-4000-8000-00000000abcd';
  expect(paths(body({ skus: [{ skuId: skuA, groupPrice: 100 }, { skuId: other, groupPrice: 100 }] }))).toEqual(['/body/skus/1/skuId']);
  expect(paths(body({ skus: [{ skuId: skuB, groupPrice: 100 }, { skuId: skuB, groupPrice: 100 }] }))).toEqual(['/body/skus/1/skuId']);
});

it('refuses a window that ends before it starts, or has already ended', () => {
  expect(paths(body({ startsAt: new Date(now.getTime() + 2 * day).toISOString(), endsAt: new Date(now.getTime() + day).toISOString() }))).toEqual(['/body/endsAt']);
  expect(paths(body({ startsAt: new Date(now.getTime() - 2 * day).toISOString(), endsAt: now.toISOString() }))).toEqual(['/body/endsAt']);
});

it('reports every broken rule at once', () => {
  const broken = body({ endsAt: now.toISOString(), skus: [{ skuId: skuA, groupPrice: 5000 }, { skuId: skuB, groupPrice: 100, leaderPrice: 200 }] });
  expect(paths(broken)).toEqual(['/body/endsAt', '/body/skus/0/groupPrice', '/body/skus/1/leaderPrice']);
});

it('checks SKU prices on their own, indexed as given', () => {
  expect(skuProblems([{ skuId: skuB, groupPrice: 3990 }], productSkus).map((p) => p.path)).toEqual(['/body/skus/0/groupPrice']);
});
