import type { App } from '../../src/app';
import { buildTestApp } from '../helper';
import { createRunningCampaign, insertGroup } from './group-state-fixtures';

let app: App;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const minute = 60_000;
const paid = (nickname: string) => ({ nickname, status: 'paid' as const });

describe("the product page's group buys", () => {
  it('lists the running campaign with its group prices, needing no token', async () => {
    const { productId, skuId, campaign } = await createRunningCampaign(app);
    const res = await app.inject({ method: 'GET', url: `/api/products/${productId}/group-buys` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ campaignId: campaign.id, groupSize: 3, skus: [{ skuId, price: 1990, groupPrice: 1500, leaderPrice: 1200 }], openGroups: [] }),
    ]);
  });

  it('leaves out campaigns that are switched off, not started or ended', async () => {
    const { productId } = await createRunningCampaign(app, { active: false });
    const upcoming = await createRunningCampaign(app, { startsAt: new Date(Date.now() + 60 * minute), endsAt: new Date(Date.now() + 120 * minute) });
    const ended = await createRunningCampaign(app, { startsAt: new Date(Date.now() - 120 * minute), endsAt: new Date(Date.now() - 60 * minute) });
    for (const id of [productId, upcoming.productId, ended.productId]) {
      expect((await app.inject({ method: 'GET', url: `/api/products/${id}/group-buys` })).json().items).toEqual([]);
    }
  });

  it('shows open groups needing the fewest members first, leaving out expired, full and closed ones', async () => {
    const { productId, campaign } = await createRunningCampaign(app, { groupSize: 4 });
    const needsThree = await insertGroup(app, campaign, { status: 'open', seats: [paid('甲一')] });
    const needsOne = await insertGroup(app, campaign, { status: 'open', seats: [paid('乙一'), paid('乙二'), paid('乙三')] });
    const needsTwo = await insertGroup(app, campaign, { status: 'open', seats: [paid('丙一'), paid('丙二'), { nickname: '丙三', status: 'released' }] });
    await insertGroup(app, campaign, { status: 'open', expiresInMs: -minute, seats: [paid('过期'), paid('过期二'), paid('过期三')] });
    await insertGroup(app, campaign, { status: 'open', seats: [paid('满一'), paid('满二'), paid('满三'), { nickname: '满四', status: 'reserved' }] });
    await insertGroup(app, campaign, { status: 'succeeded', seats: [paid('成一'), paid('成二'), paid('成三'), paid('成四')] });
    await insertGroup(app, campaign, { status: 'failed', seats: [{ nickname: '败', status: 'refunded' }] });
    await insertGroup(app, campaign, { status: 'pending', seats: [{ nickname: '待', status: 'reserved' }] });

    const [item] = (await app.inject({ method: 'GET', url: `/api/products/${productId}/group-buys` })).json().items;
    expect(item.openGroups.map((g: { id: string; missing: number }) => [g.id, g.missing])).toEqual([
      [needsOne.group.id, 1],
      [needsTwo.group.id, 2],
      [needsThree.group.id, 3],
    ]);
  });

  it("shows each open group's leader masked, with the avatar and no user id", async () => {
    const { productId, campaign } = await createRunningCampaign(app);
    const { members } = await insertGroup(app, campaign, { status: 'open', seats: [{ nickname: '张三丰', avatarUrl: '/media/a.png', status: 'paid' }] });
    const res = await app.inject({ method: 'GET', url: `/api/products/${productId}/group-buys` });
    expect(res.json().items[0].openGroups[0]).toMatchObject({ size: 3, missing: 2, leader: { nickname: '张*', avatarUrl: '/media/a.png' } });
    expect(res.body).not.toContain(members[0]!.userId);
  });

  it('shows at most 10 open groups per campaign', async () => {
    const { productId, campaign } = await createRunningCampaign(app);
    for (let i = 0; i < 11; i += 1) await insertGroup(app, campaign, { status: 'open', seats: [paid(`团长${i}`)] });
    const [item] = (await app.inject({ method: 'GET', url: `/api/products/${productId}/group-buys` })).json().items;
    expect(item.openGroups).toHaveLength(10);
  });
});

describe('a group seen from a share card', () => {
  it('shows the paid members only, leader first, names masked and no user ids', async () => {
    const { campaign, productId } = await createRunningCampaign(app, { groupSize: 4 });
    const { group, members } = await insertGroup(app, campaign, {
      status: 'open',
      seats: [paid('张三'), { nickname: '李四', status: 'reserved' }, paid('Alice'), { nickname: '赵六', status: 'released' }],
    });
    const res = await app.inject({ method: 'GET', url: `/api/group-buys/groups/${group.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: group.id, campaignTitle: '三人团', productId, status: 'open', size: 4, paidCount: 2, missing: 2 });
    expect(res.json().members).toEqual([
      { nickname: '张*', avatarUrl: '/media/avatars/张三.png', isLeader: true },
      { nickname: 'A*', avatarUrl: '/media/avatars/Alice.png', isLeader: false },
    ]);
    for (const m of members) expect(res.body).not.toContain(m.userId);
  });

  it('answers 404 for an unknown group', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/group-buys/groups/00000000-0000-4000-8000-00000000abcd' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for a group whose leader never paid', async () => {
    const { campaign } = await createRunningCampaign(app);
    const { group } = await insertGroup(app, campaign, { status: 'pending', seats: [{ nickname: '待付', status: 'reserved' }] });
    expect((await app.inject({ method: 'GET', url: `/api/group-buys/groups/${group.id}` })).statusCode).toBe(404);
  });
});
