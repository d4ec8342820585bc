import type { GroupCampaign } from '@linli/shared/schemas/group-buys';
import { ApiError } from '../api/api-error';
import { checkCampaign, checkCampaignEdit, editInputOf, fieldOfPath, placeCampaignError, type CampaignInput } from './campaign-form';

const now = new Date('2025-06-01T02:00:00.000Z');
const skuA = '8e2f4a6c-1d3b-4f5e-9a7c-0b2d4e6f8a1c';
const skuB = '5b0d7f1e-3f7a-4c57-9a0e-1c2b3d4e5f60';
const productSkus = [
  { id: skuA, price: 2990 },
  { id: skuB, price: 3990 },
];

function input(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    title: ' 3 人团 · 水蜜桃 ',
    productId: '1c9e7a5b-3d2f-4e6a-8b0c-7f5e3d1b9a2c',
    skus: [
      { skuId: skuA, joined: false, groupPrice: '', leaderPrice: '' },
      { skuId: skuB, joined: true, groupPrice: '29.9', leaderPrice: '25' },
    ],
    groupSize: 3,
    timeLimitHours: 24,
    window: ['2025-06-01 10:00', '2025-06-08 10:00'],
    perUserLimit: 2,
    newUsersOnly: false,
    ...overrides,
  };
}

describe('checkCampaign', () => {
  it('builds the body in fen and UTC, with only the SKUs that join', () => {
    expect(checkCampaign(input(), productSkus, now)).toEqual({
      ok: true,
      body: {
        productId: '1c9e7a5b-3d2f-4e6a-8b0c-7f5e3d1b9a2c',
        title: '3 人团 · 水蜜桃',
        groupSize: 3,
        timeLimitMinutes: 1440,
        startsAt: '2025-06-01T02:00:00.000Z',
        endsAt: '2025-06-08T02:00:00.000Z',
        perUserLimit: 2,
        newUsersOnly: false,
        skus: [{ skuId: skuB, groupPrice: 2990, leaderPrice: 2500 }],
      },
    });
  });

  it('leaves the leader price out when it is blank', () => {
    const checked = checkCampaign(input({ skus: [{ skuId: skuA, joined: true, groupPrice: '19.90', leaderPrice: ' ' }] }), productSkus, now);
    expect(checked.ok && checked.body.skus).toEqual([{ skuId: skuA, groupPrice: 1990 }]);
  });

  it.each([
    ['a group of 1', { groupSize: 1 }, 'groupSize'],
    ['a group of 21', { groupSize: 21 }, 'groupSize'],
    ['a time limit of 0 hours', { timeLimitHours: 0 }, 'timeLimitHours'],
    ['a time limit of 1.5 hours', { timeLimitHours: 1.5 }, 'timeLimitHours'],
    ['no per-user limit', { perUserLimit: null }, 'perUserLimit'],
    ['a blank title', { title: '  ' }, 'title'],
    ['no product', { productId: null, skus: [] }, 'productId'],
    ['no window', { window: null }, 'window'],
  ])('refuses %s next to its field', (_, overrides, field) => {
    const checked = checkCampaign(input(overrides as Partial<CampaignInput>), productSkus, now);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.field)).toEqual([field]);
  });

  it('asks for at least one SKU', () => {
    const checked = checkCampaign(input({ skus: [{ skuId: skuA, joined: false, groupPrice: '', leaderPrice: '' }] }), productSkus, now);
    expect(!checked.ok && checked.problems).toEqual([{ field: 'skus', text: '至少选择一个 SKU 参加拼团' }]);
  });

  it('refuses prices that are not 元 with at most two decimals, at the row typed in', () => {
    const checked = checkCampaign(input({ skus: [{ skuId: skuA, joined: true, groupPrice: '19.999', leaderPrice: 'abc' }] }), productSkus, now);
    expect(!checked.ok && checked.problems.map((p) => p.field)).toEqual([
      ['skus', 0, 'groupPrice'],
      ['skus', 0, 'leaderPrice'],
    ]);
  });

  it('applies the BFF’s rules: a group price not under the everyday price shows at its own row', () => {
    const checked = checkCampaign(input({ skus: [{ skuId: skuA, joined: false, groupPrice: '', leaderPrice: '' }, { skuId: skuB, joined: true, groupPrice: '39.90', leaderPrice: '' }] }), productSkus, now);
    expect(!checked.ok && checked.problems).toEqual([{ field: ['skus', 1, 'groupPrice'], text: '拼团价必须低于原价 ¥39.90' }]);
  });

  it('shows the BFF’s price rule together with the other problems, at the rows they concern', () => {
    const checked = checkCampaign(
      input({
        groupSize: 1,
        skus: [
          { skuId: skuA, joined: true, groupPrice: 'x', leaderPrice: '' },
          { skuId: skuB, joined: true, groupPrice: '40', leaderPrice: '' },
        ],
      }),
      productSkus,
      now,
    );
    expect(!checked.ok && checked.problems).toEqual([
      { field: 'groupSize', text: '成团人数应为 2–20 人' },
      { field: ['skus', 0, 'groupPrice'], text: '请输入金额（元），最多两位小数' },
      { field: ['skus', 1, 'groupPrice'], text: '拼团价必须低于原价 ¥39.90' },
    ]);
  });

  it('applies the BFF’s rules: a window that has already ended', () => {
    const checked = checkCampaign(input({ window: ['2025-05-01 10:00', '2025-06-01 09:00'] }), productSkus, now);
    expect(!checked.ok && checked.problems.map((p) => p.field)).toEqual(['window']);
  });
});

describe('fieldOfPath', () => {
  const rows = [1, 3];

  it('maps the body’s SKU index to the form row it came from', () => {
    expect(fieldOfPath('/body/skus/1/leaderPrice', rows)).toEqual(['skus', 3, 'leaderPrice']);
    expect(fieldOfPath('/body/skus/0/skuId', rows)).toEqual(['skus', 1, 'groupPrice']);
    expect(fieldOfPath('body/skus', rows)).toBe('skus');
  });

  it('maps schema paths to the form’s own names', () => {
    expect(fieldOfPath('body/groupSize', rows)).toBe('groupSize');
    expect(fieldOfPath('body/timeLimitMinutes', rows)).toBe('timeLimitHours');
    expect(fieldOfPath('/body/endsAt', rows)).toBe('window');
    expect(fieldOfPath('body', rows)).toBeNull();
  });
});

describe('placeCampaignError', () => {
  it('puts each detail of a refused create next to its field, the message above the form', () => {
    const error = new ApiError(400, 'INVALID_GROUP_CAMPAIGN', '拼团活动设置不合法', [{ path: '/body/skus/0/groupPrice', message: '拼团价必须低于原价 ¥29.90' }]);
    expect(placeCampaignError(error, [2])).toEqual({
      problems: [{ field: ['skus', 2, 'groupPrice'], text: '拼团价必须低于原价 ¥29.90' }],
      above: '拼团活动设置不合法（INVALID_GROUP_CAMPAIGN）',
    });
  });

  it('puts an unknown product next to the product picker', () => {
    expect(placeCampaignError(new ApiError(404, 'NOT_FOUND', '商品不存在'), []).problems).toEqual([{ field: 'productId', text: '商品不存在' }]);
  });
});

describe('checkCampaignEdit', () => {
  const campaign = {
    title: '3 人团',
    active: true,
    endsAt: '2025-06-30T16:00:30.500Z',
  } as GroupCampaign;

  it('sends only what changed', () => {
    expect(checkCampaignEdit({ ...editInputOf(campaign), title: '新标题' }, campaign)).toEqual({ ok: true, body: { title: '新标题' } });
    expect(checkCampaignEdit({ ...editInputOf(campaign), endsAt: '2025-07-15 00:00' }, campaign)).toEqual({ ok: true, body: { endsAt: '2025-07-14T16:00:00.000Z' } });
  });

  it('takes the end shown to the minute as unchanged', () => {
    expect(editInputOf(campaign).endsAt).toBe('2025-07-01 00:00');
    expect(checkCampaignEdit({ ...editInputOf(campaign), active: false }, campaign)).toEqual({ ok: true, body: { active: false } });
  });

  it('refuses an earlier end and an edit that changes nothing', () => {
    const earlier = checkCampaignEdit({ ...editInputOf(campaign), endsAt: '2025-06-30 12:00' }, campaign);
    expect(!earlier.ok && earlier.problems.map((p) => p.field)).toEqual(['endsAt']);
    const unchanged = checkCampaignEdit(editInputOf(campaign), campaign);
    expect(unchanged.ok).toBe(false);
  });
});
